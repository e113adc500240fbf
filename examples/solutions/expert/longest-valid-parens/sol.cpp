// DP: len[i] = length of the longest correct substring ending at i.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    string s(n + 1, '\0');
    scanf("%s", &s[0]);
    vector<int> len(n, 0);
    int best = 0;
    for (int i = 1; i < n; i++) {
        if (s[i] != ')') continue;
        if (s[i - 1] == '(') {
            len[i] = 2 + (i >= 2 ? len[i - 2] : 0);
        } else {
            int j = i - 1 - len[i - 1];  // candidate matching '('
            if (j >= 0 && s[j] == '(') len[i] = len[i - 1] + 2 + (j >= 1 ? len[j - 1] : 0);
        }
        best = max(best, len[i]);
    }
    printf("%d\n", best);
    return 0;
}

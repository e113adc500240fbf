#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<char> s(n + 2);
    scanf("%s", s.data());
    int best = 0;
    for (int i = 0; i < n; i++) {
        int bal = 0;
        for (int j = i; j < n; j++) {
            bal += s[j] == '(' ? 1 : -1;
            if (bal < 0) break;
            if (bal == 0) best = max(best, j - i + 1);
        }
    }
    printf("%d\n", best);
    return 0;
}

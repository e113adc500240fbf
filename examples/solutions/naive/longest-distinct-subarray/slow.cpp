#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    int best = 0;
    for (int i = 0; i < n; i++) {
        unordered_set<int> seen;
        int j = i;
        while (j < n && !seen.count(a[j])) seen.insert(a[j++]);
        best = max(best, j - i);
    }
    printf("%d\n", best);
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    int levels = 1;
    while ((1 << levels) <= n) levels++;
    vector<vector<int>> sp(levels, vector<int>(n));
    for (int i = 0; i < n; i++) scanf("%d", &sp[0][i]);
    for (int k = 1; k < levels; k++) {
        int half = 1 << (k - 1);
        for (int i = 0; i + (1 << k) <= n; i++) sp[k][i] = min(sp[k - 1][i], sp[k - 1][i + half]);
    }
    for (int i = 0; i < q; i++) {
        int l, r;
        scanf("%d %d", &l, &r);
        l--;
        int k = 31 - __builtin_clz(r - l);
        printf("%d\n", min(sp[k][l], sp[k][r - (1 << k)]));
    }
    return 0;
}

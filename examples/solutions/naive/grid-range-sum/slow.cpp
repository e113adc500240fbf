#include <bits/stdc++.h>
using namespace std;

int main() {
    int R, C, q;
    if (scanf("%d %d %d", &R, &C, &q) != 3) return 0;
    vector<vector<int>> g(R, vector<int>(C));
    for (auto &row : g)
        for (auto &v : row) scanf("%d", &v);
    while (q--) {
        int r1, c1, r2, c2;
        scanf("%d %d %d %d", &r1, &c1, &r2, &c2);
        long long total = 0;
        for (int i = r1 - 1; i < r2; i++)
            for (int j = c1 - 1; j < c2; j++) total += g[i][j];
        printf("%lld\n", total);
    }
    return 0;
}

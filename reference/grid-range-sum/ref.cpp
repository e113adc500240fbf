#include <bits/stdc++.h>
using namespace std;

int main() {
    int R, C, q;
    if (scanf("%d %d %d", &R, &C, &q) != 3) return 0;
    vector<long long> P((size_t)(R + 1) * (C + 1), 0);
    auto at = [&](int i, int j) -> long long & { return P[(size_t)i * (C + 1) + j]; };
    for (int i = 1; i <= R; i++) {
        long long rowSum = 0;
        for (int j = 1; j <= C; j++) {
            int v;
            scanf("%d", &v);
            rowSum += v;
            at(i, j) = at(i - 1, j) + rowSum;
        }
    }
    while (q--) {
        int r1, c1, r2, c2;
        scanf("%d %d %d %d", &r1, &c1, &r2, &c2);
        printf("%lld\n", at(r2, c2) - at(r1 - 1, c2) - at(r2, c1 - 1) + at(r1 - 1, c1 - 1));
    }
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<array<long long, 3>> e(m);
    for (auto &x : e) scanf("%lld %lld %lld", &x[0], &x[1], &x[2]);
    const long long INF = LLONG_MAX;
    vector<long long> dist(n + 1, INF);
    dist[1] = 0;
    for (int round = 0; round < n - 1; round++) {
        bool changed = false;
        for (auto &x : e) {
            if (dist[x[0]] != INF && dist[x[0]] + x[2] < dist[x[1]]) {
                dist[x[1]] = dist[x[0]] + x[2];
                changed = true;
            }
        }
        if (!changed) break;
    }
    for (int i = 1; i <= n; i++) printf("%lld\n", dist[i] == INF ? -1LL : dist[i]);
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<int> eu(m), ev(m), ew(m), start(n + 2, 0);
    for (int i = 0; i < m; i++) {
        scanf("%d %d %d", &eu[i], &ev[i], &ew[i]);
        start[eu[i] + 1]++;
    }
    for (int i = 1; i <= n + 1; i++) start[i] += start[i - 1];
    vector<int> to(m), wt(m), fill(start.begin(), start.end());
    for (int i = 0; i < m; i++) {
        int p = fill[eu[i]]++;
        to[p] = ev[i];
        wt[p] = ew[i];
    }
    const long long INF = LLONG_MAX;
    vector<long long> dist(n + 1, INF);
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> pq;
    dist[1] = 0;
    pq.push({0, 1});
    while (!pq.empty()) {
        auto [d, u] = pq.top();
        pq.pop();
        if (d > dist[u]) continue;
        for (int p = start[u]; p < start[u + 1]; p++) {
            long long nd = d + wt[p];
            if (nd < dist[to[p]]) {
                dist[to[p]] = nd;
                pq.push({nd, to[p]});
            }
        }
    }
    for (int i = 1; i <= n; i++) printf("%lld\n", dist[i] == INF ? -1LL : dist[i]);
    return 0;
}

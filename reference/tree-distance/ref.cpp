#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<vector<pair<int, int>>> adj(n + 1);
    for (int i = 0; i < n - 1; i++) {
        int a, b, w;
        scanf("%d %d %d", &a, &b, &w);
        adj[a].push_back({b, w});
        adj[b].push_back({a, w});
    }
    int LOG = 1;
    while ((1 << LOG) < n) LOG++;
    // up[k][v] = 2^k-th ancestor of v (the root is its own ancestor)
    vector<vector<int>> up(LOG, vector<int>(n + 1, 1));
    vector<int> depth(n + 1, 0), order;
    vector<char> seen(n + 1, 0);
    vector<long long> dist(n + 1, 0);
    order.reserve(n);
    order.push_back(1);
    seen[1] = 1;
    for (size_t i = 0; i < order.size(); i++) {
        int v = order[i];
        for (auto [u, w] : adj[v]) {
            if (seen[u]) continue;
            seen[u] = 1;
            up[0][u] = v;
            depth[u] = depth[v] + 1;
            dist[u] = dist[v] + w;
            order.push_back(u);
        }
    }
    for (int k = 1; k < LOG; k++)
        for (int v = 1; v <= n; v++) up[k][v] = up[k - 1][up[k - 1][v]];
    while (q--) {
        int u, v;
        scanf("%d %d", &u, &v);
        int a = u, b = v;
        if (depth[a] < depth[b]) swap(a, b);
        int diff = depth[a] - depth[b];
        for (int k = 0; diff; k++, diff >>= 1)
            if (diff & 1) a = up[k][a];
        if (a != b) {
            for (int k = LOG - 1; k >= 0; k--)
                if (up[k][a] != up[k][b]) {
                    a = up[k][a];
                    b = up[k][b];
                }
            a = up[0][a];
        }
        printf("%lld\n", dist[u] + dist[v] - 2 * dist[a]);
    }
    return 0;
}

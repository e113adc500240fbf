// BUG: distances from the root are stored in 32-bit int, so long paths overflow.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    vector<vector<pair<int, int>>> adj(n + 1);
    for (int i = 0; i < n - 1; i++) {
        int a, b, w;
        cin >> a >> b >> w;
        adj[a].push_back({b, w});
        adj[b].push_back({a, w});
    }
    const int LOG = 14;
    vector<array<int, LOG>> up(n + 1);
    vector<int> depth(n + 1, -1), dist(n + 1, 0);
    queue<int> bfs;
    bfs.push(1);
    depth[1] = 0;
    up[1].fill(1);
    while (!bfs.empty()) {
        int v = bfs.front();
        bfs.pop();
        for (auto [u, w] : adj[v])
            if (depth[u] < 0) {
                depth[u] = depth[v] + 1;
                dist[u] = dist[v] + w;
                up[u][0] = v;
                for (int k = 1; k < LOG; k++) up[u][k] = up[up[u][k - 1]][k - 1];
                bfs.push(u);
            }
    }
    while (q--) {
        int u, v;
        cin >> u >> v;
        int a = u, b = v;
        if (depth[a] < depth[b]) swap(a, b);
        for (int k = LOG - 1; k >= 0; k--)
            if (depth[a] - (1 << k) >= depth[b]) a = up[a][k];
        if (a != b) {
            for (int k = LOG - 1; k >= 0; k--)
                if (up[a][k] != up[b][k]) a = up[a][k], b = up[b][k];
            a = up[a][0];
        }
        cout << dist[u] + dist[v] - 2 * dist[a] << "\n";
    }
    return 0;
}

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
    vector<long long> dist(n + 1);
    vector<char> seen(n + 1);
    vector<int> st;
    while (q--) {
        int u, v;
        scanf("%d %d", &u, &v);
        // depth-first search from u until v is reached
        fill(seen.begin(), seen.end(), 0);
        st.assign(1, u);
        seen[u] = 1;
        dist[u] = 0;
        while (!st.empty()) {
            int x = st.back();
            st.pop_back();
            if (x == v) break;
            for (auto [y, w] : adj[x])
                if (!seen[y]) {
                    seen[y] = 1;
                    dist[y] = dist[x] + w;
                    st.push_back(y);
                }
        }
        printf("%lld\n", dist[v]);
    }
    return 0;
}

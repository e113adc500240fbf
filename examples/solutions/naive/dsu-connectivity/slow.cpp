#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<vector<int>> adj(n + 1);
    vector<char> seen(n + 1);
    vector<int> queue_(n + 1);
    for (int i = 0; i < q; i++) {
        int t, u, v;
        scanf("%d %d %d", &t, &u, &v);
        if (t == 1) {
            adj[u].push_back(v);
            adj[v].push_back(u);
            continue;
        }
        // breadth-first search from u, stopping when v is reached
        fill(seen.begin(), seen.end(), 0);
        int head = 0, tail = 0;
        queue_[tail++] = u;
        seen[u] = 1;
        while (head < tail && !seen[v]) {
            int x = queue_[head++];
            for (int y : adj[x])
                if (!seen[y]) {
                    seen[y] = 1;
                    queue_[tail++] = y;
                }
        }
        puts(seen[v] ? "1" : "0");
    }
    return 0;
}

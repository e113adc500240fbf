#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<long long> sub(n + 1, 0);
    for (int i = 1; i <= n; i++) scanf("%lld", &sub[i]);
    vector<int> parent(n + 1, 0), head(n + 1, -1), nxt(n + 1, -1);
    for (int v = 2; v <= n; v++) {
        scanf("%d", &parent[v]);
        nxt[v] = head[parent[v]];
        head[parent[v]] = v;
    }
    // BFS order, then accumulate children into parents in reverse order
    vector<int> order;
    order.reserve(n);
    order.push_back(1);
    for (size_t i = 0; i < order.size(); i++)
        for (int c = head[order[i]]; c != -1; c = nxt[c]) order.push_back(c);
    for (int i = n - 1; i > 0; i--) sub[parent[order[i]]] += sub[order[i]];
    while (q--) {
        int v;
        scanf("%d", &v);
        printf("%lld\n", sub[v]);
    }
    return 0;
}

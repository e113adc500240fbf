// Euler tour (iterative DFS) + prefix sums over the tour: a subtree is a contiguous range.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<long long> w(n + 1);
    for (int i = 1; i <= n; i++) scanf("%lld", &w[i]);
    vector<vector<int>> ch(n + 1);
    for (int v = 2; v <= n; v++) {
        int p;
        scanf("%d", &p);
        ch[p].push_back(v);
    }
    // tin[v] = position of v in the tour, tout[v] = one past the last position of its subtree
    vector<int> tin(n + 1), tout(n + 1), next_child(n + 1, 0), st = {1};
    int timer = 0;
    tin[1] = timer++;
    while (!st.empty()) {
        int v = st.back();
        if (next_child[v] < (int)ch[v].size()) {
            int c = ch[v][next_child[v]++];
            tin[c] = timer++;
            st.push_back(c);
        } else {
            tout[v] = timer;
            st.pop_back();
        }
    }
    vector<long long> ps(n + 1, 0);
    vector<long long> tourW(n, 0);
    for (int v = 1; v <= n; v++) tourW[tin[v]] = w[v];
    for (int i = 0; i < n; i++) ps[i + 1] = ps[i] + tourW[i];
    while (q--) {
        int v;
        scanf("%d", &v);
        printf("%lld\n", ps[tout[v]] - ps[tin[v]]);
    }
    return 0;
}

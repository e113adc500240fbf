#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<long long> w(n + 1);
    for (int i = 1; i <= n; i++) scanf("%lld", &w[i]);
    vector<vector<int>> children(n + 1);
    for (int v = 2; v <= n; v++) {
        int p;
        scanf("%d", &p);
        children[p].push_back(v);
    }
    vector<int> st;
    while (q--) {
        int v;
        scanf("%d", &v);
        long long total = 0;
        st.assign(1, v);
        while (!st.empty()) {
            int x = st.back();
            st.pop_back();
            total += w[x];
            for (int c : children[x]) st.push_back(c);
        }
        printf("%lld\n", total);
    }
    return 0;
}

// Offline: queries sorted by right end; a monotonic stack plus union-find ("Arpa's trick")
// maps every position to the minimum of the suffix that starts there. O((n + q) α(n)).
#include <bits/stdc++.h>
using namespace std;

static vector<int> par;
static int findp(int x) {
    while (par[x] != x) {
        par[x] = par[par[x]];
        x = par[x];
    }
    return x;
}

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    vector<int> ql(q), head(n, -1), nxt(q);
    for (int i = 0; i < q; i++) {
        int l, r;
        scanf("%d %d", &l, &r);
        ql[i] = l - 1;
        nxt[i] = head[r - 1];
        head[r - 1] = i;
    }
    par.resize(n);
    vector<int> st;
    vector<int> ans(q);
    for (int r = 0; r < n; r++) {
        par[r] = r;
        while (!st.empty() && a[st.back()] >= a[r]) {
            par[st.back()] = r;
            st.pop_back();
        }
        st.push_back(r);
        for (int i = head[r]; i != -1; i = nxt[i]) ans[i] = a[findp(ql[i])];
    }
    for (int i = 0; i < q; i++) printf("%d\n", ans[i]);
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

static vector<int> par, sz;

static int findRoot(int x) {
    int r = x;
    while (par[r] != r) r = par[r];
    while (par[x] != r) {
        int nx = par[x];
        par[x] = r;
        x = nx;
    }
    return r;
}

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    par.resize(n + 1);
    sz.assign(n + 1, 1);
    iota(par.begin(), par.end(), 0);
    for (int i = 0; i < q; i++) {
        int t, u, v;
        scanf("%d %d %d", &t, &u, &v);
        int a = findRoot(u), b = findRoot(v);
        if (t == 1) {
            if (a != b) {
                if (sz[a] < sz[b]) swap(a, b);
                par[b] = a;
                sz[a] += sz[b];
            }
        } else {
            puts(a == b ? "1" : "0");
        }
    }
    return 0;
}

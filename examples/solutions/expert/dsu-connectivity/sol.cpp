// Union by rank with path halving; hand-rolled input parser and buffered output.
#include <bits/stdc++.h>
using namespace std;

static char ibuf[1 << 16];
static int ilen = 0, ipos = 0;
static int readChar() {
    if (ipos == ilen) {
        ilen = (int)fread(ibuf, 1, sizeof ibuf, stdin);
        ipos = 0;
        if (ilen <= 0) return -1;
    }
    return ibuf[ipos++];
}
static int readInt() {
    int c = readChar();
    while (c != '-' && (c < '0' || c > '9')) c = readChar();
    bool neg = c == '-';
    if (neg) c = readChar();
    int x = 0;
    while (c >= '0' && c <= '9') {
        x = x * 10 + (c - '0');
        c = readChar();
    }
    return neg ? -x : x;
}

int main() {
    int n = readInt(), q = readInt();
    vector<int> par(n + 1), rnk(n + 1, 0);
    iota(par.begin(), par.end(), 0);
    auto find = [&](int x) {
        while (par[x] != x) {
            par[x] = par[par[x]];
            x = par[x];
        }
        return x;
    };
    string out;
    while (q--) {
        int t = readInt(), u = find(readInt()), v = find(readInt());
        if (t == 1) {
            if (u == v) continue;
            if (rnk[u] < rnk[v]) swap(u, v);
            par[v] = u;
            if (rnk[u] == rnk[v]) rnk[u]++;
        } else {
            out += (u == v ? "1\n" : "0\n");
        }
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

// 2D prefix sums with inclusion-exclusion; custom buffered reader, output collected in a string.
#include <bits/stdc++.h>
using namespace std;

static char buf[1 << 16];
static size_t blen = 0, bpos = 0;
static inline int gc() {
    if (bpos == blen) {
        blen = fread(buf, 1, sizeof buf, stdin);
        bpos = 0;
        if (blen == 0) return -1;
    }
    return buf[bpos++];
}
static int readInt() {
    int c = gc();
    while (c != '-' && (c < '0' || c > '9')) c = gc();
    int s = 1;
    if (c == '-') {
        s = -1;
        c = gc();
    }
    int x = 0;
    while (c >= '0' && c <= '9') {
        x = x * 10 + (c - '0');
        c = gc();
    }
    return x * s;
}

int main() {
    int R = readInt(), C = readInt(), q = readInt();
    vector<vector<long long>> P(R + 1, vector<long long>(C + 1, 0));
    for (int i = 1; i <= R; i++)
        for (int j = 1; j <= C; j++) P[i][j] = readInt() + P[i - 1][j] + P[i][j - 1] - P[i - 1][j - 1];
    string out;
    out.reserve((size_t)q * 10);
    while (q--) {
        int r1 = readInt(), c1 = readInt(), r2 = readInt(), c2 = readInt();
        out += to_string(P[r2][c2] - P[r1 - 1][c2] - P[r2][c1 - 1] + P[r1 - 1][c1 - 1]);
        out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

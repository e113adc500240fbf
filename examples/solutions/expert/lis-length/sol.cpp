// Patience sorting with a hand-written binary search over a plain array of pile tops,
// reading the input with a small buffered parser. O(n log n).
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
    bool neg = c == '-';
    if (neg) c = gc();
    int x = 0;
    while (c >= '0' && c <= '9') {
        x = x * 10 + (c - '0');
        c = gc();
    }
    return neg ? -x : x;
}

int main() {
    int n = readInt();
    vector<int> top(n);
    int piles = 0;
    for (int i = 0; i < n; i++) {
        int x = readInt();
        int lo = 0, hi = piles;  // first pile whose top is >= x
        while (lo < hi) {
            int mid = (lo + hi) >> 1;
            if (top[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        top[lo] = x;
        if (lo == piles) piles++;
    }
    printf("%d\n", piles);
    return 0;
}

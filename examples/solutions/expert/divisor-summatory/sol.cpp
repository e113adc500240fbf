// Counts lattice points under the hyperbola x*y = n by symmetry: the pairs with x <= s and
// the pairs with y <= s overlap exactly in the s*s square, s = floor(sqrt(n)). O(sqrt n).
#include <bits/stdc++.h>
using namespace std;

static long long isqrtll(long long n) {
    long long s = 0;
    for (long long bit = 1LL << 31; bit > 0; bit >>= 1)
        if ((s + bit) * (s + bit) <= n) s += bit;
    return s;
}

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    while (t--) {
        long long n;
        scanf("%lld", &n);
        long long s = isqrtll(n), half = 0;
        for (long long x = 1; x <= s; x++) half += n / x;
        printf("%lld\n", 2 * half - s * s);
    }
    return 0;
}

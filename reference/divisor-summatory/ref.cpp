#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    while (t--) {
        long long n;
        scanf("%lld", &n);
        long long s = (long long)sqrtl((long double)n);
        while (s * s > n) s--;
        while ((s + 1) * (s + 1) <= n) s++;
        long long sum = 0;
        for (long long x = 1; x <= s; x++) sum += n / x;
        printf("%lld\n", 2 * sum - s * s);
    }
    return 0;
}

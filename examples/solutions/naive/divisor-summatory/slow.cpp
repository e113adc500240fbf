#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    while (t--) {
        long long n;
        scanf("%lld", &n);
        long long total = 0;
        for (long long x = 1; x <= n; x++) total += n / x;
        printf("%lld\n", total);
    }
    return 0;
}

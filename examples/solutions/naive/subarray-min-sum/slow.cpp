#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    long long total = 0;
    for (int l = 0; l < n; l++) {
        long long m = a[l];
        for (int r = l; r < n; r++) {
            m = min(m, a[r]);
            total += m;
        }
    }
    printf("%lld\n", total);
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> h(n);
    for (auto &x : h) scanf("%lld", &x);
    long long water = 0;
    for (int i = 0; i < n; i++) {
        long long lm = 0, rm = 0;
        for (int j = 0; j <= i; j++) lm = max(lm, h[j]);
        for (int j = i; j < n; j++) rm = max(rm, h[j]);
        water += min(lm, rm) - h[i];
    }
    printf("%lld\n", water);
    return 0;
}

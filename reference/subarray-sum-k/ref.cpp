#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long K;
    if (scanf("%d %lld", &n, &K) != 2) return 0;
    unordered_map<long long, int> cnt;
    cnt.reserve(2 * (size_t)n + 2);
    cnt[0] = 1;
    long long p = 0, total = 0;
    for (int i = 0; i < n; i++) {
        int x;
        scanf("%d", &x);
        p += x;
        auto it = cnt.find(p - K);
        if (it != cnt.end()) total += it->second;
        cnt[p]++;
    }
    printf("%lld\n", total);
    return 0;
}

// Sort the prefix sums together with their positions; for every j, count the earlier
// positions i < j with P[i] = P[j] - K by binary search in the sorted list: O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long K;
    if (scanf("%d %lld", &n, &K) != 2) return 0;
    vector<long long> p(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        long long x;
        scanf("%lld", &x);
        p[i] = p[i - 1] + x;
    }
    vector<pair<long long, int>> s(n + 1);
    for (int i = 0; i <= n; i++) s[i] = {p[i], i};
    sort(s.begin(), s.end());
    long long total = 0;
    for (int j = 1; j <= n; j++) {
        // entries with value p[j] - K and index < j
        auto lo = lower_bound(s.begin(), s.end(), make_pair(p[j] - K, INT_MIN));
        auto hi = lower_bound(s.begin(), s.end(), make_pair(p[j] - K, j));
        total += hi - lo;
    }
    printf("%lld\n", total);
    return 0;
}

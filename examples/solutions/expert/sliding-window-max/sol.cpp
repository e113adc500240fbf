// Monotonic deque (std::deque of indices); each index enters and leaves once: O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 0;
    deque<pair<long long, int>> dq;  // (value, index), values strictly decreasing
    long long total = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        scanf("%lld", &x);
        while (!dq.empty() && dq.back().first <= x) dq.pop_back();
        dq.emplace_back(x, i);
        while (dq.front().second + k <= i) dq.pop_front();
        if (i + 1 >= k) total += dq.front().first;
    }
    printf("%lld\n", total);
    return 0;
}

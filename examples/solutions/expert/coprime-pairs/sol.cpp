// Inclusion-exclusion from the top: g[d] = pairs whose gcd is exactly d
// = C(m_d, 2) - sum of g[k*d] for k >= 2. The answer is g[1]. O(V log V).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    const int V = 30000;
    vector<long long> freq(V + 1, 0), g(V + 1, 0);
    for (int i = 0; i < n; i++) {
        int x;
        scanf("%d", &x);
        freq[x]++;
    }
    for (int d = V; d >= 1; d--) {
        long long m = 0;
        for (int k = d; k <= V; k += d) m += freq[k];
        if (m < 2) continue;  // then no multiple of d has a pair either: g stays 0
        long long exact = m * (m - 1) / 2;
        for (int k = 2 * d; k <= V; k += d) exact -= g[k];
        g[d] = exact;
    }
    printf("%lld\n", g[1]);
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    int V = *max_element(a.begin(), a.end());
    vector<int> freq(V + 1, 0);
    for (int x : a) freq[x]++;
    // linear sieve for the Moebius function
    vector<int> mu(V + 1, 0), primes;
    vector<char> comp(V + 1, 0);
    mu[1] = 1;
    for (int i = 2; i <= V; i++) {
        if (!comp[i]) {
            primes.push_back(i);
            mu[i] = -1;
        }
        for (int p : primes) {
            long long ip = (long long)i * p;
            if (ip > V) break;
            comp[ip] = 1;
            if (i % p == 0) {
                mu[ip] = 0;
                break;
            }
            mu[ip] = -mu[i];
        }
    }
    long long total = 0;
    for (int d = 1; d <= V; d++) {
        if (!mu[d]) continue;
        long long m = 0;
        for (int k = d; k <= V; k += d) m += freq[k];
        total += mu[d] * (m * (m - 1) / 2);
    }
    printf("%lld\n", total);
    return 0;
}

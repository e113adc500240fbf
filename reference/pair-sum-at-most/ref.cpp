#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long K;
    if (scanf("%d %lld", &n, &K) != 2) return 0;
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    sort(a.begin(), a.end());
    long long total = 0;
    int i = 0, j = n - 1;
    while (i < j) {
        if (a[i] + a[j] <= K) {
            total += j - i;   // a[i] pairs with every element in (i, j]
            i++;
        } else {
            j--;
        }
    }
    printf("%lld\n", total);
    return 0;
}

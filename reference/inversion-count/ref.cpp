#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    vector<int> vals(a);
    sort(vals.begin(), vals.end());
    vals.erase(unique(vals.begin(), vals.end()), vals.end());
    int m = (int)vals.size();
    vector<int> bit(m + 1, 0);
    long long inv = 0;
    for (int i = n - 1; i >= 0; i--) {
        int r = int(lower_bound(vals.begin(), vals.end(), a[i]) - vals.begin());  // # smaller values
        for (int j = r; j > 0; j -= j & -j) inv += bit[j];
        for (int j = r + 1; j <= m; j += j & -j) bit[j]++;
    }
    printf("%lld\n", inv);
    return 0;
}

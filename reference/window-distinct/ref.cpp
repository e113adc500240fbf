#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    // compress values to 0..m-1
    vector<int> vals(a);
    sort(vals.begin(), vals.end());
    vals.erase(unique(vals.begin(), vals.end()), vals.end());
    for (auto &x : a) x = int(lower_bound(vals.begin(), vals.end(), x) - vals.begin());
    vector<int> cnt(vals.size(), 0);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
        if (cnt[a[i]]++ == 0) distinct++;
        if (i >= k && --cnt[a[i - k]] == 0) distinct--;
        if (i >= k - 1) printf("%d\n", distinct);
    }
    return 0;
}

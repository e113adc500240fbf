// For each position, the previous occurrence of the same value (via sorting indices by value);
// a window [i, i+k) gains one distinct value per element whose previous occurrence is before i.
// Difference counting over windows gives all answers in O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    vector<int> idx(n);
    iota(idx.begin(), idx.end(), 0);
    stable_sort(idx.begin(), idx.end(), [&](int x, int y) { return a[x] < a[y]; });
    vector<int> prv(n, -1);
    for (int t = 1; t < n; t++)
        if (a[idx[t]] == a[idx[t - 1]]) prv[idx[t]] = idx[t - 1];
    // element j counts for window start i iff i <= j < i + k and prv[j] < i,
    // i.e. i in [max(prv[j] + 1, j - k + 1), j]; add 1 on that range of starts.
    int w = n - k + 1;
    vector<int> diff(w + 1, 0);
    for (int j = 0; j < n; j++) {
        int lo = max(prv[j] + 1, j - k + 1), hi = min(j, w - 1);
        if (lo <= hi) {
            diff[lo]++;
            diff[hi + 1]--;
        }
    }
    string out;
    int cur = 0;
    for (int i = 0; i < w; i++) {
        cur += diff[i];
        out += to_string(cur);
        out += '\n';
    }
    fputs(out.c_str(), stdout);
    return 0;
}

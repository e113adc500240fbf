// LIS as a longest path over value ranks, with a Fenwick tree of prefix maxima: O(n log n).
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
    vector<int> fen(m + 1, 0);
    int best = 0;
    for (int x : a) {
        int r = int(lower_bound(vals.begin(), vals.end(), x) - vals.begin());  // ranks < r are smaller
        int cur = 0;
        for (int j = r; j > 0; j -= j & -j) cur = max(cur, fen[j]);
        cur += 1;
        best = max(best, cur);
        for (int j = r + 1; j <= m; j += j & -j) fen[j] = max(fen[j], cur);
    }
    printf("%d\n", best);
    return 0;
}

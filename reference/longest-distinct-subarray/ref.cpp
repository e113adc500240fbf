#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    // compress values, then remember the last position of each
    vector<int> vals(a);
    sort(vals.begin(), vals.end());
    vals.erase(unique(vals.begin(), vals.end()), vals.end());
    vector<int> last(vals.size(), -1);
    int left = 0, best = 0;
    for (int i = 0; i < n; i++) {
        int v = int(lower_bound(vals.begin(), vals.end(), a[i]) - vals.begin());
        if (last[v] >= left) left = last[v] + 1;
        last[v] = i;
        best = max(best, i - left + 1);
    }
    printf("%d\n", best);
    return 0;
}

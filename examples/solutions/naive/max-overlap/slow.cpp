#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<int> l(n), r(n);
    for (int i = 0; i < n; i++) scanf("%d %d", &l[i], &r[i]);
    int best = 0;
    for (int i = 0; i < n; i++) {
        int cnt = 0;
        for (int j = 0; j < n; j++)
            if (l[j] <= l[i] && l[i] <= r[j]) cnt++;
        best = max(best, cnt);
    }
    printf("%d\n", best);
    return 0;
}

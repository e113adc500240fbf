// Sort left ends and right ends separately; sweep with two pointers (closing strictly before x).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<int> L(n), R(n);
    for (int i = 0; i < n; i++) scanf("%d %d", &L[i], &R[i]);
    sort(L.begin(), L.end());
    sort(R.begin(), R.end());
    int best = 0, j = 0;
    for (int i = 0; i < n; i++) {
        while (R[j] < L[i]) j++;   // intervals ending before L[i] are closed
        best = max(best, i + 1 - j);
    }
    printf("%d\n", best);
    return 0;
}

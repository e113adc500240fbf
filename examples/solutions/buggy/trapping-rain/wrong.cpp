// BUG: the total is accumulated in a 32-bit int and overflows when the water exceeds 2^31-1.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> h(n), L(n), R(n);
    for (auto &x : h) cin >> x;
    for (int i = 0; i < n; i++) L[i] = max(i ? L[i - 1] : 0, h[i]);
    for (int i = n - 1; i >= 0; i--) R[i] = max(i + 1 < n ? R[i + 1] : 0, h[i]);
    int water = 0;
    for (int i = 0; i < n; i++) water += min(L[i], R[i]) - h[i];
    cout << water << "\n";
    return 0;
}

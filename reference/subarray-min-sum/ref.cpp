#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    // f[i] = sum of minima of subarrays ending at i = f[p] + a[i] * (i - p), p = previous smaller index
    vector<long long> f(n);
    vector<int> st;
    long long total = 0;
    for (int i = 0; i < n; i++) {
        while (!st.empty() && a[st.back()] >= a[i]) st.pop_back();
        int p = st.empty() ? -1 : st.back();
        f[i] = (p >= 0 ? f[p] : 0) + a[i] * (i - p);
        total += f[i];
        st.push_back(i);
    }
    printf("%lld\n", total);
    return 0;
}

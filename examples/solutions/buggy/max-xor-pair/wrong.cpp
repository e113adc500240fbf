// BUG: the trie loops run for bits 29..1 ("b > 0"), so bit 0 is never used and odd answers come out one too small.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> a(n);
    for (auto &x : a) cin >> x;
    vector<array<int, 2>> t(1, {0, 0});
    for (int x : a) {
        int node = 0;
        for (int b = 29; b > 0; b--) {
            int bit = (x >> b) & 1;
            if (!t[node][bit]) {
                t[node][bit] = (int)t.size();
                t.push_back({0, 0});
            }
            node = t[node][bit];
        }
    }
    int best = 0;
    for (int x : a) {
        int node = 0, cur = 0;
        for (int b = 29; b > 0; b--) {
            int want = ((x >> b) & 1) ^ 1;
            if (t[node][want]) {
                cur |= 1 << b;
                node = t[node][want];
            } else {
                node = t[node][want ^ 1];
            }
        }
        best = max(best, cur);
    }
    cout << best << "\n";
    return 0;
}

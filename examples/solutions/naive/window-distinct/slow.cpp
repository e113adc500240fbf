#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    for (int i = 0; i + k <= n; i++) {
        unordered_set<int> s(a.begin() + i, a.begin() + i + k);
        printf("%d\n", (int)s.size());
    }
    return 0;
}

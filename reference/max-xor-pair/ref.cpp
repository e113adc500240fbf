#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    // binary trie over 30 bits: insert each number after querying the best partner so far
    vector<array<int, 2>> trie(1, {0, 0});
    trie.reserve((size_t)n * 30 + 1);
    int best = 0;
    for (int i = 0; i < n; i++) {
        int x = a[i];
        if (i > 0) {
            int node = 0, cur = 0;
            for (int b = 29; b >= 0; b--) {
                int want = ((x >> b) & 1) ^ 1;
                if (trie[node][want]) {
                    cur |= 1 << b;
                    node = trie[node][want];
                } else {
                    node = trie[node][want ^ 1];
                }
            }
            best = max(best, cur);
        }
        int node = 0;
        for (int b = 29; b >= 0; b--) {
            int bit = (x >> b) & 1;
            if (!trie[node][bit]) {
                trie[node][bit] = (int)trie.size();
                trie.push_back({0, 0});
            }
            node = trie[node][bit];
        }
    }
    printf("%d\n", best);
    return 0;
}

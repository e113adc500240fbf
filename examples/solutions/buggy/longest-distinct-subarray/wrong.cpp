// BUG: left = last[x] + 1 without max(), so a stale repeat (left of the window) moves the window start backwards.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    unordered_map<int, int> last;
    int left = 0, best = 0;
    for (int i = 0; i < n; i++) {
        int x;
        cin >> x;
        auto it = last.find(x);
        if (it != last.end()) left = it->second + 1;
        last[x] = i;
        best = max(best, i - left + 1);
    }
    cout << best << "\n";
    return 0;
}

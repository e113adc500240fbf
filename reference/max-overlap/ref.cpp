#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> ev;  // encoded (coordinate, kind): kind 0 = opening, 1 = closing after the point
    ev.reserve(2 * n);
    for (int i = 0; i < n; i++) {
        long long l, r;
        scanf("%lld %lld", &l, &r);
        ev.push_back(l * 2);            // opening at l
        ev.push_back((r + 1) * 2 - 1);  // closing at r + 1, sorted before openings at r + 1
    }
    sort(ev.begin(), ev.end());
    int cur = 0, best = 0;
    for (long long e : ev) {
        if (e % 2 == 0) best = max(best, ++cur);
        else cur--;
    }
    printf("%d\n", best);
    return 0;
}

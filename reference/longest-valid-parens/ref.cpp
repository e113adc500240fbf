#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<char> s(n + 2);
    scanf("%s", s.data());
    vector<int> st;
    st.reserve(n + 1);
    st.push_back(-1);
    int best = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] == '(') {
            st.push_back(i);
        } else {
            st.pop_back();
            if (st.empty()) st.push_back(i);
            else best = max(best, i - st.back());
        }
    }
    printf("%d\n", best);
    return 0;
}

def longest_palindrome(s: str) -> str:
    # Expand around each of the 2n - 1 centres: O(n^2) on palindrome-rich input.
    n = len(s)
    best_start, best_len = 0, 0
    for c in range(2 * n - 1):
        lo = c // 2
        hi = lo + c % 2
        while lo >= 0 and hi < n and s[lo] == s[hi]:
            lo -= 1
            hi += 1
        length = hi - lo - 1
        if length > best_len:
            best_start, best_len = lo + 1, length
    return s[best_start : best_start + best_len]

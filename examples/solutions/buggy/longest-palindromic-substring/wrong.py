# BUG: only odd-length palindromes are considered (Manacher's d1 array without the
# even-length d2 part), so answers such as "abba" or "aaaa" come out one too short.
def longest_palindrome(s: str) -> str:
    n = len(s)
    if n == 0:
        return ""
    d1 = [0] * n
    left, right = 0, -1
    best_start, best_len = 0, 1
    for i in range(n):
        k = 1 if i > right else min(d1[left + right - i], right - i + 1)
        while i - k >= 0 and i + k < n and s[i - k] == s[i + k]:
            k += 1
        d1[i] = k
        if i + k - 1 > right:
            left, right = i - k + 1, i + k - 1
        if 2 * k - 1 > best_len:
            best_start, best_len = i - k + 1, 2 * k - 1
    return s[best_start : best_start + best_len]

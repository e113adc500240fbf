def longest_palindrome(s: str) -> str:
    # Manacher's algorithm on the string with separators: O(n).
    if not s:
        return ""
    t = "^#" + "#".join(s) + "#$"
    m = len(t)
    rad = [0] * m
    center = right = 0
    for i in range(1, m - 1):
        r = 0
        if i < right:
            r = rad[2 * center - i]
            if r > right - i:
                r = right - i
        while t[i + r + 1] == t[i - r - 1]:
            r += 1
        rad[i] = r
        if i + r > right:
            center, right = i, i + r
    best = max(rad)
    i = rad.index(best)  # first centre with maximal radius = leftmost palindrome
    start = (i - best) // 2
    return s[start : start + best]

# Test generator for anagram-groups: returns (words,).

SYL = [c + v for c in "bcdfglmnprst" for v in "aeiou"] + ["str", "q", "x", "y", "zz"]

EDGE = [
    [],
    ["a"],
    ["ab", "ba", "ab"],
    ["eat", "tea", "tan", "ate", "nat", "bat"],
    ["abc", "abc", "abc"],
    ["listen", "silent", "enlist", "google", "gogole", "x"],
    ["aab", "abb", "bab", "aba", "bba"],
    ["zyxwvutsrqpo", "opqrstuvwxyz", "z", "y"],
]


def generate(rng, size, level, case):
    if level == 0:
        return (list(EDGE[case % len(EDGE)]),)
    n = size
    s = SYL
    m = len(s)
    r = rng.random
    # many distinct signatures: about n / 2 base words (case 0: every word distinct)
    g = n if case == 0 else max(1, n // 2)
    bases = []
    for _ in range(g):
        x = int(r() * m * m * m * m)
        w = s[x % m] + s[(x // m) % m]
        x //= m * m
        if x % 4:
            w += s[x % m]
        bases.append(w)
    if case == 0:
        return (bases,)
    words = []
    for _ in range(n):
        x = int(r() * g * 8)
        w = bases[x >> 3]
        t = x & 7
        if t == 7:
            w = w[::-1]  # reversal
        elif t:
            w = w[t:] + w[:t]  # rotation
        # t == 0 keeps the base word itself: plenty of repeated words
        words.append(w)
    return (words,)

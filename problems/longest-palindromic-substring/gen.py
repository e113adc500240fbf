# Test generator for longest-palindromic-substring: returns (s,).
# Levels >= 1 use palindrome-rich strings, where expanding around every centre
# costs quadratic time.

EDGE = ["", "z", "cbbd", "babad", "abba", "aaaa", "abcde", "xabacabay"]


def _perturb(rng, s, count):
    # change `count` characters, all within the outer sixths of the string, so
    # that long palindromes survive in the middle
    chars = list(s)
    n = len(chars)
    edge = max(1, n // 6)
    for _ in range(count):
        pos = rng.randrange(edge)
        if rng.random() < 0.5:
            pos = n - 1 - pos
        chars[pos] = rng.choice("cdxyz")
    return "".join(chars)


def generate(rng, size, level, case):
    if level == 0:
        return (EDGE[case % len(EDGE)],)
    n = size
    if case == 0:
        # a single repeated letter, even length
        return (rng.choice("abc") * (n - n % 2),)
    if level == 1 and case >= 2:
        # plain random text over a small alphabet
        alphabet = "ab" if case == 2 else "abc"
        return ("".join(rng.choice(alphabet) for _ in range(n)),)
    # a periodic string (period 1 or 2) with case breaks near the ends
    block = rng.choice(["a", "b", "ab", "ba", "ab"]) if case > 1 else rng.choice(["ab", "ba"])
    s = (block * (n // len(block) + 1))[:n]
    return (_perturb(rng, s, case),)

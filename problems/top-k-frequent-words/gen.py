# Test generator for top-k-frequent-words: returns (words, k).

SYL = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + list("aeiouy")

EDGE = [
    ([], 5),
    (["solo"], 1),
    (["b", "a", "c", "b", "a"], 3),
    (["the", "day", "is", "the", "sunny", "is", "the"], 2),
    (["x", "y", "z"], 10),
    (["aa", "a", "aa", "a", "b"], 1),
    (["ab", "ba", "ab", "ba", "ab", "ba", "c"], 2),
]


def _vocabulary(rng, count):
    s = SYL
    m = len(s)
    r = rng.random
    out = []
    for _ in range(count):
        x = int(r() * m * m * m * m)
        w = s[x % m] + s[(x // m) % m]
        x //= m * m
        if x % 3:
            w += s[x % m]
            if x % 5 == 0:
                w += s[(x // m) % m]
        out.append(w)
    return out


def generate(rng, size, level, case):
    if level == 0 and case < len(EDGE):
        words, k = EDGE[case]
        return (list(words), k)
    n = size
    if case == 0:
        # a large vocabulary where every word occurs once or twice: lots of ties
        vsize = max(2, n // 2)
    else:
        vsize = max(2, n // rng.choice([3, 5, 8]))
    vocab = _vocabulary(rng, vsize)
    r = rng.random
    if case == 0:
        words = vocab + vocab[: int(vsize * r())]
    else:
        words = [vocab[int(vsize * r() * r())] for _ in range(n)]
    k = rng.choice([1, 10, rng.randint(1, 1000), 1000])
    return (words, k)

# Test generator for fibonacci-exact: returns (n,).
# n stays <= 20000 so that F(n) has fewer than 4300 decimal digits (CPython's
# default limit for int <-> str conversion).

EDGE = [0, 1, 2, 3, 10, 30, 47, 64]


def generate(rng, size, level, case):
    if level == 0:
        return (EDGE[case % len(EDGE)],)
    if case == 0:
        return (size,)
    return (rng.randint(size * 9 // 10, size),)

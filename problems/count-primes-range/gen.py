# Test generator for count-primes-range: returns (lo, hi).

EDGE = [
    (0, 0),
    (0, 1),
    (2, 2),
    (0, 100),
    (1, 97),
    (24, 28),
    (10**10 - 99, 10**10),
    (9999999967, 9999999967),  # the largest prime below 10**10
]

TOP = 10**10


def generate(rng, size, level, case):
    if level == 0:
        return EDGE[case % len(EDGE)]
    width = size
    if case == 0:
        lo = TOP - width + 1  # the largest numbers allowed
    elif case == 1 and level == 1:
        lo = rng.randint(0, 50)  # small numbers: the range contains sieving primes
    else:
        lo = rng.randint(TOP // 2, TOP - width + 1)
    return (lo, lo + width - 1)

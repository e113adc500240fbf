# Test generator for divisor-summatory.
# Level 0: tiny values (1, 2, perfect squares, ...). Levels >= 1: three large values close
# to the level's maximum (including the maximum itself and a perfect square).


def _ri(rng, lo, hi):
    span = hi - lo + 1
    return lo + rng.getrandbits(span.bit_length() + 8) % span


def generate(rng, size, level, case):
    if level == 0:
        qs = [[1], [2], [1, 2, 3], [4, 9, 16, 25, 36], [size], [size - 1, size - 2],
              [_ri(rng, 1, size) for _ in range(5)], [7, 1, 8, 2]][case]
    else:
        r = size // 4
        side = int(size ** 0.5) - _ri(rng, 0, 10)
        qs = [size - _ri(rng, 0, 100), side * side, _ri(rng, size - r, size)]
        if case == 0:
            qs[0] = size
        rng.shuffle(qs)
    return "%d\n%s\n" % (len(qs), "\n".join(map(str, qs)))

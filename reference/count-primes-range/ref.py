import math


def count_primes_in_range(lo: int, hi: int) -> int:
    # Odd-only segmented sieve: seg[i] stands for the odd number first + 2*i.
    count = 0
    if lo <= 2 <= hi:
        count = 1
    first = max(lo, 3)
    if first % 2 == 0:
        first += 1
    if first > hi:
        return count
    size = (hi - first) // 2 + 1
    root = math.isqrt(hi)
    # odd primes up to root, from an odd-only sieve (index j stands for 2j+1)
    half = root // 2 + 1
    small = bytearray([1]) * half
    small[0] = 0
    j = 1
    while (2 * j + 1) ** 2 <= root:
        if small[j]:
            p = 2 * j + 1
            k = p * p // 2
            small[k::p] = bytes((half - 1 - k) // p + 1)
        j += 1
    seg = bytearray([1]) * size
    for j in range(1, half):
        if not small[j]:
            continue
        p = 2 * j + 1
        m = max(p * p, (first + p - 1) // p * p)
        if m % 2 == 0:
            m += p  # only odd multiples live in the segment
        idx = (m - first) // 2
        if idx < size:
            seg[idx::p] = bytes((size - 1 - idx) // p + 1)
    return count + seg.count(1)

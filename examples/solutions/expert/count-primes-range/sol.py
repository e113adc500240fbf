def _small_primes(limit: int) -> list[int]:
    sieve = bytearray([1]) * (limit + 1)
    sieve[0:2] = b"\x00\x00"
    i = 2
    while i * i <= limit:
        if sieve[i]:
            sieve[i * i :: i] = bytes((limit - i * i) // i + 1)
        i += 1
    return [i for i in range(limit + 1) if sieve[i]]


def count_primes_in_range(lo: int, hi: int) -> int:
    # Segmented sieve of Eratosthenes over [lo, hi] using primes up to sqrt(hi).
    if hi < 2:
        return 0
    lo = max(lo, 2)
    if lo > hi:
        return 0
    root = int(hi ** 0.5)
    while root * root > hi:
        root -= 1
    while (root + 1) * (root + 1) <= hi:
        root += 1
    width = hi - lo + 1
    seg = bytearray([1]) * width
    for p in _small_primes(root):
        start = max(p * p, (lo + p - 1) // p * p) - lo
        if start < width:
            seg[start::p] = bytes((width - 1 - start) // p + 1)
    return seg.count(1)

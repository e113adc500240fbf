def _is_prime(m: int) -> bool:
    if m < 2:
        return False
    if m < 4:
        return True
    if m % 2 == 0 or m % 3 == 0:
        return False
    i = 5
    while i * i <= m:
        if m % i == 0 or m % (i + 2) == 0:
            return False
        i += 6
    return True


def count_primes_in_range(lo: int, hi: int) -> int:
    # Naive: trial division of every number, O((hi - lo) * sqrt(hi)).
    return sum(1 for m in range(lo, hi + 1) if _is_prime(m))

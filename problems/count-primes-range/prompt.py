def count_primes_in_range(lo: int, hi: int) -> int:
    """Return how many primes p satisfy lo <= p <= hi.
    0 <= lo <= hi <= 10**10 and the range holds fewer than 10**6 numbers.

    >>> count_primes_in_range(0, 10)
    4
    >>> count_primes_in_range(11, 19)
    4
    >>> count_primes_in_range(24, 28)
    0
    """

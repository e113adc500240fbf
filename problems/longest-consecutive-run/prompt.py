def longest_consecutive_run(nums: list[int]) -> tuple[int, int]:
    """Find the longest run s, s+1, ..., s+L-1 of integers that all occur in the
    unsorted list nums (duplicates allowed) and return the tuple (s, L).
    Ties are broken by the smallest start s; an empty list gives (0, 0).

    >>> longest_consecutive_run([100, 4, 200, 1, 3, 2])
    (1, 4)
    >>> longest_consecutive_run([5, 5, 6, -1, 0])
    (-1, 2)
    >>> longest_consecutive_run([])
    (0, 0)
    """

def max_subarray(nums: list[int]) -> tuple[int, int, int]:
    """Return (best_sum, i, j) for a non-empty subarray nums[i:j+1] of maximum sum.
    Ties: smallest i, then smallest j.  Values reach 10**17 in absolute value, so
    sums do not fit in 64 bits.

    >>> max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4])
    (6, 3, 6)
    >>> max_subarray([-3, -1, -2, -1])
    (-1, 1, 1)
    >>> max_subarray([2, -2, 2])
    (2, 0, 0)
    """

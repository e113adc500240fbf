def count_pairs_with_difference(nums: list[int], k: int) -> int:
    """Return the number of index pairs (i, j) with i < j and
    abs(nums[i] - nums[j]) == k.  k is non-negative; equal values at different
    positions count as different pairs, and no element is paired with itself.

    >>> count_pairs_with_difference([1, 5, 3, 4, 2], 2)
    3
    >>> count_pairs_with_difference([1, 1, 1, 1], 0)
    6
    >>> count_pairs_with_difference([7, 7, 8], 1)
    2
    """

def distinct_subarray_ors(nums: list[int]) -> set[int]:
    """Return the set of distinct values of the bitwise OR of all non-empty
    contiguous subarrays of nums (1 <= len(nums), 0 <= nums[i] < 2**30).

    >>> distinct_subarray_ors([1, 2, 4])
    {1, 2, 3, 4, 6, 7}
    >>> distinct_subarray_ors([1, 1, 2])
    {1, 2, 3}
    >>> distinct_subarray_ors([0])
    {0}
    """

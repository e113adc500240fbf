def sliding_window_median(nums: list[int], k: int) -> list[float]:
    """Return the median of every window of k consecutive elements of nums, in
    order, as floats (for even k the mean of the two middle values).
    1 <= k <= len(nums).

    >>> sliding_window_median([1, 3, -1, -3, 5, 3, 6, 7], 3)
    [1.0, -1.0, -1.0, 3.0, 5.0, 6.0]
    >>> sliding_window_median([1, 2, 3, 4], 2)
    [1.5, 2.5, 3.5]
    >>> sliding_window_median([5], 1)
    [5.0]
    """

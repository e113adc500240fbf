def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge closed integer intervals (s, e), s <= e, that share at least one
    point (touching intervals such as (1, 3) and (3, 5) merge).  Return the
    merged intervals as a list of (start, end) tuples sorted by start.

    >>> merge_intervals([(8, 10), (1, 3), (2, 6), (15, 18)])
    [(1, 6), (8, 10), (15, 18)]
    >>> merge_intervals([(1, 4), (4, 5)])
    [(1, 5)]
    >>> merge_intervals([])
    []
    """

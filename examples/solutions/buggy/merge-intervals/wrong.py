# BUG (type): merged intervals are kept as mutable lists [s, e] so the end can be
# extended in place, and the list of lists is returned instead of a list of tuples.
def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged

def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Naive: insert intervals one by one, comparing each with every interval merged
    # so far, O(n * result size) = O(n^2) when few intervals overlap.
    merged: list[tuple[int, int]] = []
    for s, e in intervals:
        keep = []
        for a, b in merged:
            if a <= e and s <= b:
                if a < s:
                    s = a
                if b > e:
                    e = b
            else:
                keep.append((a, b))
        keep.append((s, e))
        merged = keep
    merged.sort()
    return merged

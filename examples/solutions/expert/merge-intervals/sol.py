def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Sort starts and ends independently: a merged block ends at position i
    # exactly when the next start lies beyond the i-th smallest end.
    n = len(intervals)
    starts = sorted([s for s, _ in intervals])
    ends = sorted([e for _, e in intervals])
    out: list[tuple[int, int]] = []
    first = 0
    for i in range(n):
        if i == n - 1 or starts[i + 1] > ends[i]:
            out.append((starts[first], ends[i]))
            first = i + 1
    return out

def longest_consecutive_run(nums: list[int]) -> tuple[int, int]:
    # Union of intervals by their endpoints: span[x] is exact for run endpoints.
    span: dict[int, int] = {}
    for x in nums:
        if x in span:
            continue
        left = span.get(x - 1, 0)
        right = span.get(x + 1, 0)
        total = left + right + 1
        span[x] = total
        span[x - left] = total
        span[x + right] = total
    best = (0, 0)
    for x, length in span.items():
        if x - 1 not in span:  # x starts a run, so span[x] is its length
            if length > best[1] or (length == best[1] and x < best[0]):
                best = (x, length)
    return best

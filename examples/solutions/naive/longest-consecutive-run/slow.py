def longest_consecutive_run(nums: list[int]) -> tuple[int, int]:
    # Naive: walk upwards from every distinct value, O(n * L) = O(n^2) on long runs.
    values = set(nums)
    best_start, best_len = 0, 0
    for x in values:
        length = 0
        y = x
        while y in values:
            length += 1
            y += 1
        if length > best_len or (length == best_len and x < best_start):
            best_start, best_len = x, length
    return (best_start, best_len)

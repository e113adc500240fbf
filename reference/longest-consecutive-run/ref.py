def longest_consecutive_run(nums: list[int]) -> tuple[int, int]:
    values = set(nums)
    best_start, best_len = 0, 0
    for x in values:
        if x - 1 in values:
            continue  # not the start of a run
        y = x + 1
        while y in values:
            y += 1
        length = y - x
        if length > best_len or (length == best_len and x < best_start):
            best_start, best_len = x, length
    return (best_start, best_len)

def max_subarray(nums: list[int]) -> tuple[int, int, int]:
    # Kadane: extend the running subarray unless its sum is negative (a zero sum is
    # extended, which keeps the earliest start).
    cur, start = nums[0], 0
    best_sum, best_i, best_j = cur, 0, 0
    for i in range(1, len(nums)):
        x = nums[i]
        if cur >= 0:
            cur += x
        else:
            cur, start = x, i
        if cur > best_sum:
            best_sum, best_i, best_j = cur, start, i
    return (best_sum, best_i, best_j)

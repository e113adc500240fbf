def max_subarray(nums: list[int]) -> tuple[int, int, int]:
    # best sum ending at j = prefix(j+1) - (smallest earlier prefix); keeping the
    # leftmost smallest prefix gives the smallest start.  O(n).
    best_sum, best_i, best_j = nums[0], 0, 0
    prefix = 0
    min_prefix, min_idx = 0, 0
    for j, x in enumerate(nums):
        prefix += x
        s = prefix - min_prefix
        if s > best_sum:
            best_sum, best_i, best_j = s, min_idx, j
        if prefix < min_prefix:
            min_prefix, min_idx = prefix, j + 1
    return (best_sum, best_i, best_j)

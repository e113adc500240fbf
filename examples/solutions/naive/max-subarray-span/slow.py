def max_subarray(nums: list[int]) -> tuple[int, int, int]:
    # Naive: every start, every end, running sum: O(n^2).
    n = len(nums)
    best = (nums[0], 0, 0)
    best_sum = nums[0]
    for i in range(n):
        s = 0
        for j in range(i, n):
            s += nums[j]
            if s > best_sum:
                best_sum = s
                best = (s, i, j)
    return best

def count_pairs_with_difference(nums: list[int], k: int) -> int:
    # Naive: test every pair of positions, O(n^2).
    n = len(nums)
    total = 0
    for i in range(n):
        a = nums[i]
        for j in range(i + 1, n):
            if abs(a - nums[j]) == k:
                total += 1
    return total

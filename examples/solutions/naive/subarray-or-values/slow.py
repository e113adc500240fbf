def distinct_subarray_ors(nums: list[int]) -> set[int]:
    # Naive: OR every subarray from every start, O(n^2).
    result = set()
    n = len(nums)
    for i in range(n):
        acc = 0
        for j in range(i, n):
            acc |= nums[j]
            result.add(acc)
    return result

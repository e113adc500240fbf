def distinct_subarray_ors(nums: list[int]) -> set[int]:
    # The ORs of subarrays ending at one index take at most 31 distinct values
    # (each is a superset of the next shorter one): O(n * 30).
    result: set[int] = set()
    ending: set[int] = set()
    for x in nums:
        ending = {x | v for v in ending}
        ending.add(x)
        result |= ending
    return result

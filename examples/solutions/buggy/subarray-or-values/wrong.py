# BUG (type): the values are right, but they are returned as a sorted list instead
# of a set.
def distinct_subarray_ors(nums: list[int]) -> set[int]:
    result = set()
    ending = set()
    for x in nums:
        ending = {x | v for v in ending} | {x}
        result.update(ending)
    return sorted(result)

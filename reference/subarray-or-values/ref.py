def distinct_subarray_ors(nums: list[int]) -> set[int]:
    # Keep the ORs of subarrays ending at the current index as a list ordered by
    # subarray length; they form a chain of supersets, so duplicates are adjacent.
    result: set[int] = set()
    chain: list[int] = []
    for x in nums:
        nxt = [x]
        last = x
        for v in chain:
            w = v | x
            if w != last:
                nxt.append(w)
                last = w
        chain = nxt
        result.update(chain)
    return result

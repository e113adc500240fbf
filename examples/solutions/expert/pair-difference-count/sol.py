def count_pairs_with_difference(nums: list[int], k: int) -> int:
    # Single pass: each new element pairs with every earlier element equal to
    # x - k or x + k (only once when k == 0).
    seen: dict[int, int] = {}
    total = 0
    if k == 0:
        for x in nums:
            c = seen.get(x, 0)
            total += c
            seen[x] = c + 1
        return total
    for x in nums:
        total += seen.get(x - k, 0) + seen.get(x + k, 0)
        seen[x] = seen.get(x, 0) + 1
    return total

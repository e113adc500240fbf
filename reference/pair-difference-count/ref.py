from collections import Counter


def count_pairs_with_difference(nums: list[int], k: int) -> int:
    counts = Counter(nums)
    if k == 0:
        return sum(c * (c - 1) // 2 for c in counts.values())
    get = counts.get
    return sum(c * get(x + k, 0) for x, c in counts.items())

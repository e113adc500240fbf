# BUG: the k == 0 case is not special-cased, so every value is "paired" with
# itself and each pair is counted in both orders (c*c instead of c*(c-1)/2).
from collections import Counter


def count_pairs_with_difference(nums: list[int], k: int) -> int:
    counts = Counter(nums)
    total = 0
    for x, c in counts.items():
        total += c * counts.get(x + k, 0)
    return total

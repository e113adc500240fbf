# BUG: Kadane's algorithm with the best sum initialised to 0 (the empty subarray),
# so an all-negative list yields (0, 0, 0) instead of its largest element.
def max_subarray(nums: list[int]) -> tuple[int, int, int]:
    best = (0, 0, 0)
    cur, start = 0, 0
    for i, x in enumerate(nums):
        if cur < 0:
            cur, start = x, i
        else:
            cur += x
        if cur > best[0]:
            best = (cur, start, i)
    return best

# BUG (type): for odd k the middle element is returned as it is, an int (3 instead
# of 3.0), although every median must be a float.
from bisect import bisect_left, insort


def sliding_window_median(nums: list[int], k: int) -> list[float]:
    window = sorted(nums[:k])
    out = []
    for i in range(k, len(nums) + 1):
        if k % 2 == 1:
            out.append(window[k // 2])
        else:
            out.append((window[k // 2 - 1] + window[k // 2]) / 2)
        if i == len(nums):
            break
        del window[bisect_left(window, nums[i - k])]
        insort(window, nums[i])
    return out

# BUG: sorts and scans adjacent elements, but a duplicate value (a[i] == a[i-1])
# is treated as a break in the run, so runs containing repeated values are split.
def longest_consecutive_run(nums: list[int]) -> tuple[int, int]:
    if not nums:
        return (0, 0)
    a = sorted(nums)
    best_start, best_len = a[0], 1
    cur_start, cur_len = a[0], 1
    for i in range(1, len(a)):
        if a[i] == a[i - 1] + 1:
            cur_len += 1
        else:
            cur_start, cur_len = a[i], 1
        if cur_len > best_len:
            best_start, best_len = cur_start, cur_len
    return (best_start, best_len)

def sliding_window_median(nums: list[int], k: int) -> list[float]:
    # Naive: sort every window from scratch, O(n * k log k).
    out = []
    for i in range(len(nums) - k + 1):
        window = sorted(nums[i : i + k])
        if k % 2 == 1:
            out.append(float(window[k // 2]))
        else:
            out.append((window[k // 2 - 1] + window[k // 2]) / 2)
    return out

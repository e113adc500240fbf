import heapq


def sliding_window_median(nums: list[int], k: int) -> list[float]:
    # Two heaps over encoded keys value * M + index (M > every index), so an entry
    # that has left the window is recognised by its index and dropped lazily when
    # it reaches the top.  low is a max-heap (negated keys) holding the smaller
    # (k + 1) // 2 live values, high a min-heap holding the rest.  O(n log n).
    n = len(nums)
    M = n + 1
    push, pop = heapq.heappush, heapq.heappop
    order = sorted(range(k), key=nums.__getitem__)
    half = (k + 1) // 2
    in_low = bytearray(n)  # in_low[i] == 1 when nums[i] currently belongs to low
    for i in order[:half]:
        in_low[i] = 1
    low = [-(nums[i] * M + i) for i in order[:half]]
    high = [nums[i] * M + i for i in order[half:]]
    heapq.heapify(low)
    heapq.heapify(high)
    odd = k % 2 == 1

    def median(start: int) -> float:
        while (-low[0]) % M < start:
            pop(low)
        a = (-low[0]) // M
        if odd:
            return float(a)
        while high[0] % M < start:
            pop(high)
        return (a + high[0] // M) / 2

    out = [median(0)]
    for i in range(k, n):
        start = i - k + 1
        x = nums[i]
        # low's top is live or is the element leaving now; either way it
        # separates low from high, so it decides the side of x
        while (-low[0]) % M < start - 1:
            pop(low)
        went_low = x <= (-low[0]) // M
        if went_low:
            push(low, -(x * M + i))
            in_low[i] = 1
        else:
            push(high, x * M + i)
        left_low = in_low[i - k]
        if left_low and not went_low:
            # low lost a live value: move the smallest live value of high over
            while high[0] % M < start:
                pop(high)
            key = pop(high)
            push(low, -key)
            in_low[key % M] = 1
        elif went_low and not left_low:
            # low gained one: move its largest live value to high
            while (-low[0]) % M < start:
                pop(low)
            key = -pop(low)
            push(high, key)
            in_low[key % M] = 0
        out.append(median(start))
    return out

import heapq


def sliding_window_median(nums: list[int], k: int) -> list[float]:
    # Two heaps (lower half as a max-heap, upper half as a min-heap) with lazy
    # deletion: O(n log n).
    low: list[int] = []   # negated values
    high: list[int] = []
    delayed: dict[int, int] = {}
    low_size = high_size = 0  # live elements in each heap

    def prune_low():
        while low:
            v = -low[0]
            c = delayed.get(v, 0)
            if not c:
                return
            delayed[v] = c - 1
            heapq.heappop(low)

    def prune_high():
        while high:
            v = high[0]
            c = delayed.get(v, 0)
            if not c:
                return
            delayed[v] = c - 1
            heapq.heappop(high)

    def rebalance():
        nonlocal low_size, high_size
        if low_size > high_size + 1:
            heapq.heappush(high, -heapq.heappop(low))
            low_size -= 1
            high_size += 1
            prune_low()
        elif low_size < high_size:
            heapq.heappush(low, -heapq.heappop(high))
            low_size += 1
            high_size -= 1
            prune_high()

    out: list[float] = []
    odd = k % 2 == 1
    for i, x in enumerate(nums):
        if not low or x <= -low[0]:
            heapq.heappush(low, -x)
            low_size += 1
        else:
            heapq.heappush(high, x)
            high_size += 1
        rebalance()
        if i >= k:
            y = nums[i - k]
            delayed[y] = delayed.get(y, 0) + 1
            if y <= -low[0]:
                low_size -= 1
                if y == -low[0]:
                    prune_low()
            else:
                high_size -= 1
                if y == high[0]:
                    prune_high()
            rebalance()
        if i >= k - 1:
            if odd:
                out.append(float(-low[0]))
            else:
                out.append((high[0] - low[0]) / 2)
    return out

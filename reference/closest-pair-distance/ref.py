import math
from bisect import bisect_left, insort


def closest_pair_distance(points: list[tuple[int, int]]) -> float:
    # Sweep line over x with an active set ordered by y: O(n log n) comparisons.
    pts = sorted(points)
    (x0, y0), (x1, y1) = pts[0], pts[1]
    best = (x0 - x1) ** 2 + (y0 - y1) ** 2
    active: list[tuple[int, int]] = []  # (y, x) of points within the x-window
    left = 0
    for x, y in pts:
        if best == 0:
            break
        while True:
            lx, ly = pts[left]
            dx = x - lx
            if dx * dx < best:
                break
            del active[bisect_left(active, (ly, lx))]
            left += 1
        reach = math.isqrt(best) + 1
        i = bisect_left(active, (y - reach,))
        top = y + reach
        n_active = len(active)
        while i < n_active:
            ay, ax = active[i]
            if ay > top:
                break
            d = (ax - x) ** 2 + (ay - y) ** 2
            if d < best:
                best = d
            i += 1
        insort(active, (y, x))
    return math.sqrt(best)

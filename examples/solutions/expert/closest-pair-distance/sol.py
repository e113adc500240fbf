import math
from bisect import bisect_left, bisect_right
from operator import itemgetter


def closest_pair_distance(points: list[tuple[int, int]]) -> float:
    pts = sorted(points)
    xs = [p[0] for p in pts]
    by_y = itemgetter(1)

    def solve(lo, hi):
        if hi - lo <= 10:
            best = math.inf
            for i in range(lo, hi):
                xi, yi = pts[i]
                for j in range(i + 1, hi):
                    xj, yj = pts[j]
                    d = (xi - xj) ** 2 + (yi - yj) ** 2
                    if d < best:
                        best = d
            return best
        mid = (lo + hi) // 2
        best = min(solve(lo, mid), solve(mid, hi))
        if best == 0:
            return 0
        reach = math.isqrt(best) + 1
        mx = xs[mid]
        a = bisect_left(xs, mx - reach, lo, hi)
        b = bisect_right(xs, mx + reach, lo, hi)
        strip = sorted(pts[a:b], key=by_y)
        m = len(strip)
        for s in range(m):
            xa, ya = strip[s]
            for t in range(s + 1, m):
                xb, yb = strip[t]
                dy = yb - ya
                if dy * dy >= best:
                    break
                d = (xb - xa) ** 2 + dy * dy
                if d < best:
                    best = d
        return best

    return math.sqrt(solve(0, len(pts)))

# BUG (type): the shortcut for repeated points returns the int 0 instead of the
# float 0.0; the value is equal, but the required return type is float.
import math


def closest_pair_distance(points: list[tuple[int, int]]) -> float:
    if len(set(points)) < len(points):
        return 0  # a repeated point
    pts = sorted(points)
    best = math.inf
    for i in range(len(pts)):
        x1, y1 = pts[i]
        for j in range(i + 1, len(pts)):
            x2, y2 = pts[j]
            if x2 - x1 >= best:
                break
            d = math.hypot(x2 - x1, y2 - y1)
            if d < best:
                best = d
    return best

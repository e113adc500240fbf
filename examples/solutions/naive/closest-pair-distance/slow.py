import math


def closest_pair_distance(points: list[tuple[int, int]]) -> float:
    # Naive: compare all pairs, O(n^2).
    best = math.inf
    n = len(points)
    for i in range(n):
        p = points[i]
        for j in range(i + 1, n):
            d = math.dist(p, points[j])
            if d < best:
                best = d
    return float(best)

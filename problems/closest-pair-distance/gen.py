# Test generator for closest-pair-distance: returns (points,).

R = 10**6

EDGE = [
    [(0, 0), (3, 4)],
    [(1, 1), (5, 5), (1, 1)],
    [(0, 0), (10, 0), (1, 100), (11, 1)],
    [(0, 0), (1, 50), (2, 0)],
    [(-R, -R), (R, R)],
    [(-R, R), (R, -R), (0, 0), (999999, -999998)],
    [(0, i * i) for i in range(6)],
    [(5, 5), (5, 6), (6, 5), (6, 6), (5, 5)],
]


def generate(rng, size, level, case):
    if level == 0 and case < len(EDGE):
        return (list(EDGE[case]),)
    n = size
    r = rng.random
    if case == 0:
        # nearly vertical strip: almost every pair is close in x
        return ([(int(r() * 4), -R + int(r() * 2 * R)) for _ in range(n)],)
    if case == 1:
        # jittered lattice: many nearly equal candidate distances
        side = int(n ** 0.5) + 1
        step = 2 * R // side
        pts = []
        for i in range(n):
            gx, gy = i % side, i // side
            pts.append((-R + gx * step + int(r() * 3), -R + gy * step + int(r() * 3)))
        return (pts,)
    if case == 2 and level > 0:
        # clustered points
        centres = [(-R // 2 + int(r() * R), -R // 2 + int(r() * R)) for _ in range(8)]
        pts = []
        for i in range(n):
            cx, cy = centres[i % 8]
            pts.append((cx + int((r() - 0.5) * R), cy + int((r() - 0.5) * R)))
        return (pts,)
    span = 2 * R + 1
    return ([(-R + int(r() * span), -R + int(r() * span)) for _ in range(n)],)

# BUG: the prefix table's column loop uses R instead of C, which is only right for square grids.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    R, C, q = int(data[0]), int(data[1]), int(data[2])
    g = [[0] * (C + 1)]
    pos = 3
    for _ in range(R):
        g.append([0] + list(map(int, data[pos:pos + C])))
        pos += C
    P = [[0] * (C + 1) for _ in range(R + 1)]
    for i in range(1, R + 1):
        for j in range(1, min(R, C) + 1):
            P[i][j] = g[i][j] + P[i - 1][j] + P[i][j - 1] - P[i - 1][j - 1]
    out = []
    for _ in range(q):
        r1, c1, r2, c2 = (int(x) for x in data[pos:pos + 4])
        pos += 4
        out.append(P[r2][c2] - P[r1 - 1][c2] - P[r2][c1 - 1] + P[r1 - 1][c1 - 1])
    print("\n".join(map(str, out)))


main()

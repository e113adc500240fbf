import sys
from itertools import accumulate
from operator import add


def main():
    data = sys.stdin.buffer.read().split()
    R, C, q = int(data[0]), int(data[1]), int(data[2])
    # P[i][j] = sum of the rectangle (1,1)..(i,j)
    prev = [0] * (C + 1)
    P = [prev]
    pos = 3
    for _ in range(R):
        row = accumulate(map(int, data[pos:pos + C]), initial=0)
        pos += C
        prev = list(map(add, prev, row))
        P.append(prev)
    it = map(int, data[pos:pos + 4 * q])
    out = []
    for r1, c1, r2, c2 in zip(it, it, it, it):
        top = P[r1 - 1]
        bot = P[r2]
        out.append(bot[c2] - bot[c1 - 1] - top[c2] + top[c1 - 1])
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()

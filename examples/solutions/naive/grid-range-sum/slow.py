import sys


def main():
    data = sys.stdin.buffer.read().split()
    R, C, q = int(data[0]), int(data[1]), int(data[2])
    grid = []
    pos = 3
    for _ in range(R):
        grid.append(list(map(int, data[pos:pos + C])))
        pos += C
    out = []
    for _ in range(q):
        r1, c1, r2, c2 = (int(x) for x in data[pos:pos + 4])
        pos += 4
        total = 0
        for row in grid[r1 - 1:r2]:
            total += sum(row[c1 - 1:c2])
        out.append(total)
    print("\n".join(map(str, out)))


main()

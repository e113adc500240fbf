# BUG: the sparse table stops one level short (2^k < n instead of 2^k <= n), so a query whose length is exactly n = 2^k crashes.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    table = [a]
    k = 1
    while (1 << k) < n:
        prev = table[-1]
        half = 1 << (k - 1)
        table.append([min(prev[i], prev[i + half]) for i in range(len(prev) - half)])
        k += 1
    out = []
    p = 2 + n
    for _ in range(q):
        l, r = int(data[p]) - 1, int(data[p + 1])
        p += 2
        j = (r - l).bit_length() - 1
        out.append(min(table[j][l], table[j][r - (1 << j)]))
    print("\n".join(map(str, out)))


main()

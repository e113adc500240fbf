# BUG: union links u itself (parent[u] = root of v) instead of u's root, so earlier links of u are lost.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    parent = list(range(n + 1))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    out = []
    p = 2
    for _ in range(q):
        t, u, v = int(data[p]), int(data[p + 1]), int(data[p + 2])
        p += 3
        if t == 1:
            if find(u) != find(v):
                parent[u] = find(v)
        else:
            out.append(1 if find(u) == find(v) else 0)
    print("\n".join(map(str, out)))


main()

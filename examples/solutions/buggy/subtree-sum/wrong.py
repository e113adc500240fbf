# BUG: recursive DFS; on deep trees (paths longer than ~1000 vertices) it hits Python's recursion limit.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    w = [0] + [int(x) for x in data[2:2 + n]]
    children = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        children[int(data[i + n])].append(i)
    sub = [0] * (n + 1)

    def dfs(v):
        s = w[v]
        for c in children[v]:
            s += dfs(c)
        sub[v] = s
        return s

    dfs(1)
    out = [sub[int(data[1 + 2 * n + k])] for k in range(q)]
    print("\n".join(map(str, out)))


main()

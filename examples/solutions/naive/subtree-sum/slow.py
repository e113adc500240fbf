import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    w = [0] + [int(x) for x in data[2:2 + n]]
    children = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        children[int(data[i + n])].append(i)
    out = []
    for k in range(q):
        v = int(data[1 + 2 * n + k])
        # iterative DFS over the subtree of v
        total = 0
        stack = [v]
        while stack:
            x = stack.pop()
            total += w[x]
            stack.extend(children[x])
        out.append(total)
    print("\n".join(map(str, out)))


main()

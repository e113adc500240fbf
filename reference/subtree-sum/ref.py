import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    w = [0] + list(map(int, data[2:2 + n]))
    parent = [0, 0] + list(map(int, data[2 + n:1 + 2 * n]))
    children = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[parent[v]].append(v)
    # BFS order from the root; children come after their parent
    order = [1]
    for v in order:
        order.extend(children[v])
    sub = w[:]
    for v in reversed(order):
        if v != 1:
            sub[parent[v]] += sub[v]
    qs = data[1 + 2 * n:1 + 2 * n + q]
    sys.stdout.write("\n".join([str(sub[int(v)]) for v in qs]) + "\n")


main()

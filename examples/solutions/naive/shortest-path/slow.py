import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    edges = []
    for i in range(m):
        u, v, w = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
        edges.append((u, v, w))
    INF = float("inf")
    dist = [INF] * (n + 1)
    dist[1] = 0
    # Bellman-Ford with early exit
    for _ in range(n - 1):
        changed = False
        for u, v, w in edges:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                changed = True
        if not changed:
            break
    for i in range(1, n + 1):
        print(dist[i] if dist[i] != INF else -1)


main()

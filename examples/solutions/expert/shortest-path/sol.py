# Dijkstra with integer-encoded heap keys (distance * K + vertex) and flat adjacency arrays.
import sys
from heapq import heappush, heappop


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    us = data[2:2 + 3 * m:3]
    vs = data[3:3 + 3 * m:3]
    ws = data[4:4 + 3 * m:3]
    head = [-1] * (n + 1)
    nxt = [0] * m
    to = list(map(int, vs))
    wt = list(map(int, ws))
    for i, u in enumerate(map(int, us)):
        nxt[i] = head[u]
        head[u] = i
    K = n + 1
    dist = [-1] * (n + 1)
    heap = [1]  # key = d * K + v
    while heap:
        key = heappop(heap)
        d, u = divmod(key, K)
        if dist[u] != -1:
            continue
        dist[u] = d
        e = head[u]
        while e != -1:
            v = to[e]
            if dist[v] == -1:
                heappush(heap, (d + wt[e]) * K + v)
            e = nxt[e]
    sys.stdout.write("\n".join(map(str, dist[1:])) + "\n")


main()

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    vals = list(map(int, data[2:2 + 3 * (n - 1)]))
    for i in range(0, len(vals), 3):
        a, b, w = vals[i], vals[i + 1], vals[i + 2]
        adj[a].append((b, w))
        adj[b].append((a, w))
    parent = [0] * (n + 1)
    depth = [0] * (n + 1)
    dist = [0] * (n + 1)
    parent[1] = 1
    order = [1]
    for v in order:                      # BFS from the root
        for u, w in adj[v]:
            if u != parent[v]:
                parent[u] = v
                depth[u] = depth[v] + 1
                dist[u] = dist[v] + w
                order.append(u)
    # binary lifting: up[k][v] = 2^k-th ancestor of v (the root is its own parent)
    up = [parent]
    LOG = max(1, (n - 1).bit_length())
    for _ in range(1, LOG):
        prev = up[-1]
        up.append([prev[p] for p in prev])
    it = map(int, data[2 + 3 * (n - 1):2 + 3 * (n - 1) + 2 * q])
    out = []
    for u, v in zip(it, it):
        a, b = u, v
        if depth[a] < depth[b]:
            a, b = b, a
        diff = depth[a] - depth[b]
        k = 0
        while diff:
            if diff & 1:
                a = up[k][a]
            diff >>= 1
            k += 1
        if a != b:
            for k in range(LOG - 1, -1, -1):
                row = up[k]
                if row[a] != row[b]:
                    a = row[a]
                    b = row[b]
            a = parent[a]
        out.append(dist[u] + dist[v] - 2 * dist[a])
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()

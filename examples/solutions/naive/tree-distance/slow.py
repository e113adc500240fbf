import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    p = 2
    for _ in range(n - 1):
        a, b, w = int(data[p]), int(data[p + 1]), int(data[p + 2])
        p += 3
        adj[a].append((b, w))
        adj[b].append((a, w))
    out = []
    for _ in range(q):
        u, v = int(data[p]), int(data[p + 1])
        p += 2
        # depth-first search from u until v is found
        dist = {u: 0}
        stack = [u]
        while stack:
            x = stack.pop()
            if x == v:
                break
            for y, w in adj[x]:
                if y not in dist:
                    dist[y] = dist[x] + w
                    stack.append(y)
        out.append(dist[v])
    print("\n".join(map(str, out)))


main()

import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    out = []
    p = 2
    for _ in range(q):
        t, u, v = int(data[p]), int(data[p + 1]), int(data[p + 2])
        p += 3
        if t == 1:
            adj[u].append(v)
            adj[v].append(u)
        else:
            # breadth-first search from u
            seen = [False] * (n + 1)
            seen[u] = True
            dq = deque([u])
            found = u == v
            while dq and not found:
                x = dq.popleft()
                for y in adj[x]:
                    if not seen[y]:
                        if y == v:
                            found = True
                            break
                        seen[y] = True
                        dq.append(y)
            out.append(1 if found else 0)
    print("\n".join(map(str, out)))


main()

# Offline Tarjan LCA: one iterative DFS with a union-find; queries are answered when the DFS
# leaves the second of their two vertices. O((n + q) alpha(n)).
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
    qu = [0] * q
    qv = [0] * q
    at = [[] for _ in range(n + 1)]
    for i in range(q):
        u, v = int(data[p]), int(data[p + 1])
        p += 2
        qu[i], qv[i] = u, v
        at[u].append(i)
        at[v].append(i)
    dsu = list(range(n + 1))
    anc = list(range(n + 1))
    dist = [0] * (n + 1)
    state = [0] * (n + 1)      # 0 = unvisited, 1 = on the stack, 2 = finished
    ans = [0] * q
    parent = [0] * (n + 1)

    def find(x):
        while dsu[x] != x:
            dsu[x] = dsu[dsu[x]]
            x = dsu[x]
        return x

    stack = [(1, 0)]
    state[1] = 1
    while stack:
        v, i = stack[-1]
        if i < len(adj[v]):
            stack[-1] = (v, i + 1)
            u, w = adj[v][i]
            if state[u] == 0:
                state[u] = 1
                parent[u] = v
                dist[u] = dist[v] + w
                stack.append((u, 0))
            continue
        stack.pop()
        for qi in at[v]:
            other = qv[qi] if qu[qi] == v else qu[qi]
            if state[other] == 2 or other == v:
                lca = anc[find(other)]
                ans[qi] = dist[v] + dist[other] - 2 * dist[lca]
        state[v] = 2
        if stack:
            pv = parent[v]
            dsu[find(v)] = find(pv)
            anc[find(pv)] = pv
    sys.stdout.write("\n".join(map(str, ans)) + "\n")


main()

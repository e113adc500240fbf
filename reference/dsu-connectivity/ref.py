import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    vals = list(map(int, data[2:2 + 3 * q]))
    out = []
    for i in range(0, 3 * q, 3):
        u = vals[i + 1]
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        v = vals[i + 2]
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        if vals[i] == 1:
            if u != v:
                parent[u] = v
        else:
            out.append("1" if u == v else "0")
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


main()

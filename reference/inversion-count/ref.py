import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    rank = {v: i + 1 for i, v in enumerate(sorted(set(a)))}
    m = len(rank)
    tree = [0] * (m + 1)
    inv = 0
    # scan from the right: count smaller values already seen
    for seen, x in enumerate(reversed(a)):
        r = rank[x] - 1
        s = 0
        while r > 0:
            s += tree[r]
            r &= r - 1
        inv += s
        r = rank[x]
        while r <= m:
            tree[r] += 1
            r += r & -r
    print(inv)


main()

# Binary trie stored in two flat lists (child 0 / child 1); query then insert each number.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    zero = [0]
    one = [0]
    best = 0
    bits = [1 << b for b in range(29, -1, -1)]
    for idx, x in enumerate(a):
        if idx:
            node = 0
            cur = 0
            for m in bits:
                if x & m:
                    nxt = zero[node]
                    if nxt:
                        cur |= m
                    else:
                        nxt = one[node]
                else:
                    nxt = one[node]
                    if nxt:
                        cur |= m
                    else:
                        nxt = zero[node]
                node = nxt
            if cur > best:
                best = cur
        node = 0
        for m in bits:
            child = one if x & m else zero
            nxt = child[node]
            if not nxt:
                nxt = len(zero)
                zero.append(0)
                one.append(0)
                child[node] = nxt
            node = nxt
    print(best)


main()

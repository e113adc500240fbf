import sys
from itertools import accumulate


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    # Blocks of length k: prefix maxima inside each block and suffix maxima inside each
    # block; the window [i, i+k-1] spans at most two blocks, so its maximum is
    # max(suffix[i], prefix[i+k-1]).
    pre = []
    suf = []
    for s in range(0, n, k):
        blk = a[s:s + k]
        pre += accumulate(blk, max)
        r = list(accumulate(reversed(blk), max))
        r.reverse()
        suf += r
    total = sum(map(max, suf[:n - k + 1], pre[k - 1:]))
    print(total)


main()

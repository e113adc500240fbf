# BUG: when a value's count drops to zero its key is not removed, so len(cnt) over-counts distinct values.
import sys
from collections import defaultdict


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    cnt = defaultdict(int)
    out = []
    for i in range(n):
        cnt[a[i]] += 1
        if i >= k:
            cnt[a[i - k]] -= 1
        if i >= k - 1:
            out.append(len(cnt))
    print("\n".join(map(str, out)))


main()

# Prefix sums built in a plain loop; queries answered in O(1) each.
import sys


def main():
    it = iter(sys.stdin.buffer.read().split())
    n = int(next(it))
    q = int(next(it))
    pre = [0] * (n + 1)
    s = 0
    for i in range(1, n + 1):
        s += int(next(it))
        pre[i] = s
    res = []
    for _ in range(q):
        l = int(next(it))
        r = int(next(it))
        res.append(pre[r] - pre[l - 1])
    sys.stdout.write("\n".join(map(str, res)))
    sys.stdout.write("\n")


main()

# BUG: the empty prefix (sum 0) is not counted, so subarrays that start at the first element are missed.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, K = int(data[0]), int(data[1])
    seen = {}
    total = 0
    p = 0
    for x in map(int, data[2:2 + n]):
        p += x
        total += seen.get(p - K, 0)
        seen[p] = seen.get(p, 0) + 1
    print(total)


main()

# BUG: bisect_left counts partners with a[i] < K - x, so pairs whose sum equals K exactly are missed.
import sys
from bisect import bisect_left


def main():
    data = sys.stdin.buffer.read().split()
    n, K = int(data[0]), int(data[1])
    a = sorted(int(x) for x in data[2:2 + n])
    total = 0
    for j in range(n):
        total += bisect_left(a, K - a[j], 0, j)
    print(total)


main()

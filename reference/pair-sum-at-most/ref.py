import sys
from bisect import bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n, K = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    # for each position j, count partners i < j with a[i] <= K - a[j] (a is sorted)
    total = 0
    for j, x in enumerate(a):
        total += bisect_right(a, K - x, 0, j)
    print(total)


main()

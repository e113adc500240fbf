import sys
from itertools import accumulate


def main():
    data = sys.stdin.buffer.read().split()
    n, K = int(data[0]), int(data[1])
    seen = {0: 1}                  # how many earlier prefix sums have each value
    get = seen.get
    total = 0
    for p in accumulate(map(int, data[2:2 + n])):
        total += get(p - K, 0)
        seen[p] = get(p, 0) + 1
    print(total)


main()

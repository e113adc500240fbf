import sys
from itertools import accumulate


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    left = list(accumulate(h, max))
    right = list(accumulate(reversed(h), max))
    right.reverse()
    level = map(min, left, right)
    print(sum(level) - sum(h))


main()

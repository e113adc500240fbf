import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    last = {}            # value -> last index where it occurred
    left = 0             # current segment is [left, i]
    best = 0
    for i, x in enumerate(data[1:1 + n]):   # equality of the tokens is enough
        j = last.get(x, -1)
        if j >= left:
            left = j + 1
        last[x] = i
        if i - left + 1 > best:
            best = i - left + 1
    print(best)


main()

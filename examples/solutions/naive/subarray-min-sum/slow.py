import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    total = 0
    for l in range(n):
        m = a[l]
        for r in range(l, n):
            if a[r] < m:
                m = a[r]
            total += m
    print(total)


main()

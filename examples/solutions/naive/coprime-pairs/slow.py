import sys
from math import gcd


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    count = 0
    for i in range(n):
        x = a[i]
        for j in range(i + 1, n):
            if gcd(x, a[j]) == 1:
                count += 1
    print(count)


main()

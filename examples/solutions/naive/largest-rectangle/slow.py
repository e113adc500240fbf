import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    best = 0
    for i in range(n):
        low = h[i]
        for j in range(i, n):
            if h[j] < low:
                low = h[j]
            area = low * (j - i + 1)
            if area > best:
                best = area
    print(best)


main()

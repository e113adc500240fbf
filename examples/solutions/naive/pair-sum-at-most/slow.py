import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, K = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    count = 0
    for i in range(n):
        limit = K - a[i]
        for j in range(i + 1, n):
            if a[j] <= limit:
                count += 1
    print(count)


main()

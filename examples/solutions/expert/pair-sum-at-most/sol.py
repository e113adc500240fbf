# Sort once, then a two-pointer sweep from both ends.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, K = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    total = 0
    i, j = 0, n - 1
    while i < j:
        if a[i] + a[j] <= K:
            total += j - i
            i += 1
        else:
            j -= 1
    print(total)


main()

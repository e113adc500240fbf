import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    for k in range(t):
        n = int(data[1 + k])
        total = 0
        for x in range(1, n + 1):
            total += n // x      # number of multiples of x up to n
        print(total)


main()

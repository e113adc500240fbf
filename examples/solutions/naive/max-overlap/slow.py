import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    iv = [(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n)]
    # the best point can always be chosen as some left endpoint
    best = 0
    for x, _ in iv:
        cnt = 0
        for l, r in iv:
            if l <= x <= r:
                cnt += 1
        best = max(best, cnt)
    print(best)


main()

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    dp = [1] * n
    for i in range(n):
        ai = a[i]
        best = 1
        for j in range(i):
            if a[j] < ai and dp[j] + 1 > best:
                best = dp[j] + 1
        dp[i] = best
    print(max(dp))


main()

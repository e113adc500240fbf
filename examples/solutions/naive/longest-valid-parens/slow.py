import sys


def main():
    data = sys.stdin.buffer.read().split()
    s = data[1].decode()
    n = len(s)
    best = 0
    for i in range(n):
        bal = 0
        for j in range(i, n):
            bal += 1 if s[j] == "(" else -1
            if bal < 0:
                break
            if bal == 0 and j - i + 1 > best:
                best = j - i + 1
    print(best)


main()

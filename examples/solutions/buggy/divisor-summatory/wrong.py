# BUG: the block loop runs "while i < n", so the last block is skipped when it starts at n (n = 1 or 2).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for k in range(t):
        n = int(data[1 + k])
        total = 0
        i = 1
        while i < n:
            q = n // i
            j = n // q
            total += q * (j - i + 1)
            i = j + 1
        out.append(total)
    print("\n".join(map(str, out)))


main()

# BUG: bars still on the stack after the scan are never popped, so rectangles reaching the right end are missed.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    stack = []
    best = 0
    for i in range(n):
        while stack and h[stack[-1]] >= h[i]:
            height = h[stack.pop()]
            left = stack[-1] if stack else -1
            best = max(best, height * (i - left - 1))
        stack.append(i)
    print(best)


main()

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    h.append(0)                 # sentinel bar flushes the stack at the end
    stack = [-1]                # indices of bars with increasing heights
    best = 0
    for i, x in enumerate(h):
        while len(stack) > 1 and h[stack[-1]] >= x:
            height = h[stack.pop()]
            area = height * (i - stack[-1] - 1)
            if area > best:
                best = area
        stack.append(i)
    print(best)


main()

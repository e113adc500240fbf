import sys


def main():
    data = sys.stdin.buffer.read().split()
    s = data[1].decode() if len(data) > 1 else ""
    stack = [-1]       # bottom: index just before the current candidate substring
    best = 0
    for i, c in enumerate(s):
        if c == "(":
            stack.append(i)
        else:
            stack.pop()
            if stack:
                if i - stack[-1] > best:
                    best = i - stack[-1]
            else:
                stack.append(i)
    print(best)


main()

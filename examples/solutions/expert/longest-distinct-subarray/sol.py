# Two pointers with a set: the right end advances, the left end drops values until the new
# value is no longer in the window. Each index enters and leaves the set once.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    window = set()
    left = 0
    best = 0
    for x in a:
        while x in window:
            window.discard(a[left])
            left += 1
        window.add(x)
        if len(window) > best:
            best = len(window)
    print(best)


main()

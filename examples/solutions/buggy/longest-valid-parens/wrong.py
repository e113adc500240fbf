# BUG: only the left-to-right counter pass is done; the right-to-left pass is missing, so "(()" gives 0.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    s = data[1].decode()
    best = opened = closed = 0
    for c in s:
        if c == "(":
            opened += 1
        else:
            closed += 1
        if opened == closed:
            best = max(best, 2 * closed)
        elif closed > opened:
            opened = closed = 0
    print(best)


main()

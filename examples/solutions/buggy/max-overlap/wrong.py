# BUG: events are sorted as (x, +1/-1) so at equal x the closing (-1) comes first; touching closed intervals are not counted together.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    events = []
    for i in range(n):
        l, r = int(data[1 + 2 * i]), int(data[2 + 2 * i])
        events.append((l, 1))
        events.append((r, -1))
    events.sort()
    cur = best = 0
    for _, d in events:
        cur += d
        best = max(best, cur)
    print(best)


main()

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 2 * n]))
    # Sweep: at equal coordinates openings (l) must come before closings (r + 1 after the point),
    # so each interval [l, r] becomes +1 at l and -1 at r + 1; -1 events sort before +1 at equal x.
    starts = sorted(vals[0::2])
    ends = sorted(x + 1 for x in vals[1::2])
    best = cur = 0
    j = 0
    for s in starts:
        while ends[j] <= s:
            cur -= 1
            j += 1
        cur += 1
        if cur > best:
            best = cur
    print(best)


main()

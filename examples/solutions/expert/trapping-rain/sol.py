# Two pointers moving inwards from both ends, O(n) time and O(1) extra memory.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    i, j = 0, n - 1
    lmax = rmax = water = 0
    while i <= j:
        if lmax <= rmax:
            x = h[i]
            if x > lmax:
                lmax = x
            water += lmax - x
            i += 1
        else:
            x = h[j]
            if x > rmax:
                rmax = x
            water += rmax - x
            j -= 1
    print(water)


main()

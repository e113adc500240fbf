# Bottom-up merge sort; cross inversions of two sorted runs are counted while merging.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    inv = 0
    width = 1
    while width < n:
        out = []
        for lo in range(0, n, 2 * width):
            left = a[lo:lo + width]
            right = a[lo + width:lo + 2 * width]
            i = j = 0
            nl, nr = len(left), len(right)
            while i < nl and j < nr:
                if left[i] <= right[j]:
                    out.append(left[i])
                    i += 1
                else:
                    inv += nl - i
                    out.append(right[j])
                    j += 1
            out.extend(left[i:])
            out.extend(right[j:])
        a = out
        width *= 2
    print(inv)


main()

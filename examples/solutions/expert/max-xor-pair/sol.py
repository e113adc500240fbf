# Greedy on the answer's bits from the top; the candidate bit is kept when some prefix p has
# its partner p ^ candidate among the prefixes (checked with C-level set operations).
import sys
from itertools import repeat
from operator import rshift


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    ans = 0
    for bit in range(29, -1, -1):
        ans <<= 1
        prefixes = set(map(rshift, a, repeat(bit)))
        cand = ans | 1
        if not prefixes.isdisjoint(map(cand.__xor__, prefixes)):
            ans = cand
    print(ans)


main()

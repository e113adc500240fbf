import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    # Decide the answer bit by bit from the top: with the bits fixed so far ("best"), the next
    # bit can be 1 iff two prefixes p, r (of length 30 - b) satisfy p ^ r = candidate.
    best = 0
    for b in range(29, -1, -1):
        cand = (best << 1) | 1
        prefixes = {x >> b for x in a}
        if prefixes.isdisjoint({cand ^ p for p in prefixes}):
            best = cand - 1
        else:
            best = cand
    print(best)


main()

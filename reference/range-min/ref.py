import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    # sparse table: table[k][i] = min(a[i : i + 2^k])
    table = [a]
    k = 1
    while (1 << k) <= n:
        prev = table[-1]
        half = 1 << (k - 1)
        table.append([x if x < y else y for x, y in zip(prev, prev[half:])])
        k += 1
    it = map(int, data[2 + n:2 + n + 2 * q])
    out = []
    for l, r in zip(it, it):
        l -= 1
        j = (r - l).bit_length() - 1
        row = table[j]
        x = row[l]
        y = row[r - (1 << j)]
        out.append(x if x < y else y)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()

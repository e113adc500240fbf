import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = data[2:2 + n]          # values only need equality: keep them as bytes
    cnt = {}
    get = cnt.get
    for x in a[:k]:
        cnt[x] = get(x, 0) + 1
    distinct = len(cnt)
    out = [distinct]
    for i in range(k, n):
        x = a[i]
        c = get(x, 0)
        if c == 0:
            distinct += 1
        cnt[x] = c + 1
        y = a[i - k]
        c = cnt[y] - 1
        cnt[y] = c
        if c == 0:
            distinct -= 1
        out.append(distinct)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()

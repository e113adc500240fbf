import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    out = []
    for i in range(n - k + 1):
        out.append(len(set(a[i:i + k])))
    print("\n".join(map(str, out)))


main()

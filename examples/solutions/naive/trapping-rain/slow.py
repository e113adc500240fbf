import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    water = 0
    for i in range(n):
        level = min(max(h[:i + 1]), max(h[i:]))
        water += level - h[i]
    print(water)


main()

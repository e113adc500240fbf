import sys
from math import isqrt


def D(n):
    # Dirichlet hyperbola: pairs x*y <= n = 2 * sum_{x <= s} floor(n/x) - s^2, s = floor(sqrt n)
    s = isqrt(n)
    return 2 * sum(n // x for x in range(1, s + 1)) - s * s


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    print("\n".join(str(D(int(x))) for x in data[1:1 + t]))


main()

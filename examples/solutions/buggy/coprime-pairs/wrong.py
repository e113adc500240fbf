# BUG: counts ordered pairs with sum mu(d) * m_d^2 and halves it, but never removes the i = j pairs (gcd(1, 1) = 1), so arrays with several 1s are over-counted.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    V = max(a)
    freq = [0] * (V + 1)
    for x in a:
        freq[x] += 1
    mu = [1] * (V + 1)
    is_comp = [False] * (V + 1)
    primes = []
    for i in range(2, V + 1):
        if not is_comp[i]:
            primes.append(i)
            mu[i] = -1
        for p in primes:
            if i * p > V:
                break
            is_comp[i * p] = True
            if i % p == 0:
                mu[i * p] = 0
                break
            mu[i * p] = -mu[i]
    ordered = 0
    for d in range(1, V + 1):
        if mu[d]:
            m = sum(freq[d::d])
            ordered += mu[d] * m * m
    print(ordered // 2)


main()

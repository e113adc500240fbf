import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    V = max(a)
    freq = [0] * (V + 1)
    for x in a:
        freq[x] += 1
    # Moebius function by a sieve over primes (slice operations)
    mu = [1] * (V + 1)
    mu[0] = 0
    composite = bytearray(V + 1)
    for p in range(2, V + 1):
        if composite[p]:
            continue
        composite[p::p] = b"\x01" * len(range(p, V + 1, p))
        mu[p::p] = [-x for x in mu[p::p]]
        pp = p * p
        if pp <= V:
            mu[pp::pp] = [0] * len(range(pp, V + 1, pp))
    # pairs with gcd 1 = sum over d of mu(d) * C(m_d, 2), m_d = how many a_i are multiples of d
    total = 0
    for d in range(1, V + 1):
        if mu[d]:
            m = sum(freq[d::d])
            if m > 1:
                total += mu[d] * (m * (m - 1) // 2)
    print(total)


main()

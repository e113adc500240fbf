def fibonacci(n: int) -> int:
    # Doubling on the pair (F(k), L(k)) with Lucas numbers L:
    #   F(2k) = F(k) L(k),  L(2k) = L(k)^2 - 2 (-1)^k
    #   F(2k+1) = (F(2k) + L(2k)) / 2,  L(2k+1) = (5 F(2k) + L(2k)) / 2
    f, l = 0, 2  # F(0), L(0)
    k = 0
    for bit in bin(n)[2:]:
        f, l = f * l, l * l - (2 if k % 2 == 0 else -2)
        k *= 2
        if bit == "1":
            f, l = (f + l) >> 1, (5 * f + l) >> 1
            k += 1
    return f

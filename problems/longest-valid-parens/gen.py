# Test generator for longest-valid-parens.
# Levels >= 1: strings whose running balance rarely drops below zero, so scanning forward
# from every start is quadratic: case 0 "()()...", case 1 deep nesting with extra "(",
# case 2 random with 55% "(", case 3 valid blocks separated by single "(".


def generate(rng, size, level, case):
    g = rng.getrandbits
    if level == 0:
        s = ["(", ")", "()", "(()", "())", ")(", "((()))()", None][case]
        if s is None:
            s = "".join("()"[g(1)] for _ in range(size))
    else:
        n = size
        if case == 0:
            s = "()" * (n // 2) + ("(" if n % 2 else "")
        elif case == 1:
            k = n // 3
            s = "(" * (n - 2 * k) + ")" * k + "(" * k
            s = s[:n]
        elif case == 2:
            s = "".join("(" if g(10) < 563 else ")" for _ in range(n))
        else:
            parts = []
            total = 0
            while total < n:
                m = 2 * (1 + g(30) % 300)
                depth = 0
                blk = []
                for i in range(m):
                    left = m - i
                    if depth == 0 or (depth < left and g(1)):
                        blk.append("(")
                        depth += 1
                    else:
                        blk.append(")")
                        depth -= 1
                parts.append("".join(blk) + "(")
                total += m + 1
            s = "".join(parts)[:n]
    return "%d\n%s\n" % (len(s), s)

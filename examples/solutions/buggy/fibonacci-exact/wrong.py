# BUG: Binet's closed form in floating point. It is exact only up to about n = 70;
# beyond that the rounding error gives wrong digits, and phi ** n overflows
# (OverflowError) for n > 1474.
import math


def fibonacci(n: int) -> int:
    phi = (1 + math.sqrt(5)) / 2
    return round(phi ** n / math.sqrt(5))

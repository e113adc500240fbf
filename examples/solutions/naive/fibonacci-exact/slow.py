def fibonacci(n: int) -> int:
    # Naive: n big-integer additions, O(n^2) digit operations.
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

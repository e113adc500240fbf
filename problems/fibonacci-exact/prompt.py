def fibonacci(n: int) -> int:
    """Return the exact n-th Fibonacci number, with F(0) = 0 and F(1) = 1.
    n can be as large as 20000, so the result is a very large integer.

    >>> fibonacci(0)
    0
    >>> fibonacci(10)
    55
    >>> fibonacci(100)
    354224848179261915075
    """

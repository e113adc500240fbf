def top_k_frequent(words: list[str], k: int) -> list[str]:
    """Return the k most frequent distinct words, most frequent first; words with
    equal counts are ordered lexicographically.  If there are fewer than k
    distinct words, return all of them.

    >>> top_k_frequent(["the", "day", "is", "the", "sunny", "is", "the"], 2)
    ['the', 'is']
    >>> top_k_frequent(["b", "a", "c", "b", "a"], 3)
    ['a', 'b', 'c']
    >>> top_k_frequent([], 5)
    []
    """

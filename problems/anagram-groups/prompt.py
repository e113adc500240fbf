def group_anagrams(words: list[str]) -> dict[str, list[str]]:
    """Group the words by signature (the word's letters in sorted order): return a
    dict mapping each signature to the list of words having it, in input order,
    keeping repeated words.

    >>> group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"])
    {'aet': ['eat', 'tea', 'ate'], 'ant': ['tan', 'nat'], 'abt': ['bat']}
    >>> group_anagrams(["ab", "ba", "ab"])
    {'ab': ['ab', 'ba', 'ab']}
    >>> group_anagrams([])
    {}
    """

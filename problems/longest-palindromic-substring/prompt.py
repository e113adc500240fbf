def longest_palindrome(s: str) -> str:
    """Return the longest palindromic substring of s (lowercase letters, length
    up to 25000).  Among several of maximum length return the leftmost one; the
    empty string gives "".

    >>> longest_palindrome("babad")
    'bab'
    >>> longest_palindrome("cbbd")
    'bb'
    >>> longest_palindrome("abc")
    'a'
    """

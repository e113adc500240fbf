def closest_pair_distance(points: list[tuple[int, int]]) -> float:
    """Return the smallest Euclidean distance between two of the given points
    (at least two points with integer coordinates; a repeated point gives 0.0).

    >>> closest_pair_distance([(0, 0), (3, 4), (10, 10)])
    5.0
    >>> closest_pair_distance([(1, 1), (5, 5), (1, 1)])
    0.0
    >>> closest_pair_distance([(0, 0), (1, 1), (-2, 3)])
    1.4142135623730951
    """

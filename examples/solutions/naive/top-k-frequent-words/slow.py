def top_k_frequent(words: list[str], k: int) -> list[str]:
    # Naive: recount every distinct word with list.count, O(n * distinct).
    distinct = set(words)
    ranked = sorted(distinct, key=lambda w: (-words.count(w), w))
    return ranked[:k]

from collections import Counter


def top_k_frequent(words: list[str], k: int) -> list[str]:
    # Count, bucket words by count, then walk buckets from the highest count,
    # sorting only the buckets that are actually needed.  O(n + d log d) worst
    # case, usually far less (d = distinct words).
    counts = Counter(words)
    buckets: dict[int, list[str]] = {}
    for w, c in counts.items():
        buckets.setdefault(c, []).append(w)
    result: list[str] = []
    for c in sorted(buckets, reverse=True):
        need = k - len(result)
        if need <= 0:
            break
        group = buckets[c]
        group.sort()
        result.extend(group[:need])
    return result

# BUG: repeated words are dropped (each group keeps only the first occurrence of a
# word), although the task says duplicates must be kept.
def group_anagrams(words: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    seen: set[str] = set()
    for w in words:
        if w in seen:
            continue
        seen.add(w)
        groups.setdefault("".join(sorted(w)), []).append(w)
    return groups

from collections import defaultdict


def group_anagrams(words: list[str]) -> dict[str, list[str]]:
    # Compute each distinct word's signature once (inputs repeat words a lot).
    signature: dict[str, str] = {}
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for w in words:
        key = signature.get(w)
        if key is None:
            key = signature[w] = "".join(sorted(w))
        groups[key].append(w)
    return dict(groups)

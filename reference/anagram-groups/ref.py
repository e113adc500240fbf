def group_anagrams(words: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for w in words:
        key = "".join(sorted(w))
        bucket = groups.get(key)
        if bucket is None:
            groups[key] = [w]
        else:
            bucket.append(w)
    return groups

def group_anagrams(words: list[str]) -> dict[str, list[str]]:
    # Naive: keep the groups in a list and search it linearly for every word,
    # O(n * number of groups).
    keys: list[str] = []
    groups: list[list[str]] = []
    for w in words:
        key = "".join(sorted(w))
        for idx in range(len(keys)):
            if keys[idx] == key:
                groups[idx].append(w)
                break
        else:
            keys.append(key)
            groups.append([w])
    return dict(zip(keys, groups))

# fuelgauge's sanitizer: the code of a model's answer, found the way EvalPlus's sanitizer
# (evalplus/sanitize.py) finds it, with Python's own parser where EvalPlus uses tree-sitter.
# Trusted code, run in the sandbox on untrusted text: stdin is a JSON object {"code": text,
# "entry": entry point or null, "definitions": bool}; stdout is the sanitized code.
#
# 1. The code is the longest run of consecutive lines that parses as Python, counted in
#    non-blank lines; the first such run wins a tie (ANSI escapes removed first). Markdown
#    fences and prose around the code do not parse, so they fall outside it.
# 2. For a function problem (`definitions`), only the top-level imports, classes, functions
#    that contain a `return`, and assignments are kept, and of the definitions only those the
#    entry point reaches through the names they mention; test code and example calls go.
#    Unlike EvalPlus (whose tree-sitter walk skips them), decorated definitions are kept.
# 3. If nothing is left, the result of step 1.
import ast
import json
import re
import sys

_ANSI = re.compile(r"\x1B(?:[@-Z\\-_]|\[[0-?]*[ -/]*[@-~])")


def _error_line(text):
    """None when `text` parses; else the last line (1-based) of the syntax error's location,
    or 0 when it has none. Every text with the same lines up to that one fails as well: the
    parser stopped there (or, for a bracket never closed or a string never ended, at what
    opened it)."""
    try:
        ast.parse(text)
        return None
    except SyntaxError as e:
        return max(e.lineno or 0, e.end_lineno or 0)
    except (ValueError, MemoryError, RecursionError):
        return 0


def code_extract(text):
    text = _ANSI.sub("", text)
    lines = text.split("\n")
    n = len(lines)
    weight = [1 if line.strip() else 0 for line in lines]
    # prefix[i]: non-blank lines before line i; lines i..j hold prefix[j + 1] - prefix[i].
    prefix = [0] * (n + 1)
    for i in range(n):
        prefix[i + 1] = prefix[i] + weight[i]
    best, best_pair = 0, (0, 0)
    for i in range(n):
        if prefix[n] - prefix[i] <= best:
            break  # no later start can beat the best run
        # EvalPlus tries every end j > i and keeps the first reaching a new maximum; that is
        # the longest run from i that parses, found here scanning down from the end. A failure
        # at line a of the run rules out every end from a on, so the scan jumps past them.
        j = n - 1
        while j > i and prefix[j + 1] - prefix[i] > best:
            failed = _error_line("\n".join(lines[i:j + 1]))
            if failed is None:
                # Runs with the same count differ in trailing blank lines; EvalPlus keeps the
                # shortest of them that parses.
                first = j
                while first > i + 1 and not weight[first]:
                    first -= 1
                for k in range(first, j + 1):
                    if _error_line("\n".join(lines[i:k + 1])) is None:
                        best, best_pair = prefix[k + 1] - prefix[i], (i, k)
                        break
                break
            j = min(j - 1, i + failed - 2) if failed > 0 else j - 1
    return "\n".join(lines[best_pair[0]:best_pair[1] + 1])


def _names(node):
    found = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            found.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            found.add(sub.attr)
        elif isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(sub.name)
        elif isinstance(sub, ast.arg):
            found.add(sub.arg)
        elif isinstance(sub, ast.keyword) and sub.arg:
            found.add(sub.arg)
        elif isinstance(sub, ast.alias):
            found.add((sub.asname or sub.name).split(".")[0])
    return found


def _has_return(node):
    return any(isinstance(sub, ast.Return) for sub in ast.walk(node))


def _assigned_name(node):
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if isinstance(targets[0], ast.Name):
        return targets[0].id
    if isinstance(node.value, ast.Name):
        return node.value.id  # tree-sitter's first identifier child of the assignment
    return None


def definitions(code, entry):
    # The parser counts a lone "\r" as a line break too: cut lines the way it counts them.
    code = code.replace("\r\n", "\n").replace("\r", "\n")
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return ""
    lines = code.split("\n")

    def text(node):
        # Top-level statements: from the first decorator (or the statement) to its end.
        # Offsets are in UTF-8 bytes.
        decorated = bool(getattr(node, "decorator_list", None))
        first = node.decorator_list[0].lineno if decorated else node.lineno
        segment = lines[first - 1:node.end_lineno]
        segment[-1] = segment[-1].encode()[:node.end_col_offset].decode(errors="ignore")
        if not decorated:
            segment[0] = segment[0].encode()[node.col_offset:].decode(errors="ignore")
        return "\n".join(segment)

    imports, defined, seen = [], [], set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports.append(node)
            continue
        if isinstance(node, ast.ClassDef):
            name = node.name
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if not _has_return(node):
                continue
            name = node.name
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            name = _assigned_name(node)
        else:
            continue
        if name in seen:
            continue  # the first definition of a name is kept, as EvalPlus does
        seen.add(name)
        defined.append((name, node))
    if entry:
        deps = {name: _names(node) for name, node in defined}
        reached, queue = {entry}, [entry]
        while queue:
            for dep in deps.get(queue.pop(0), ()):
                if dep not in reached:
                    reached.add(dep)
                    queue.append(dep)
        defined = [(name, node) for name, node in defined if name in reached]
    return "\n".join([text(node) for node in imports] + [text(node) for _, node in defined])


def sanitize(code, entry, with_definitions):
    extracted = code_extract(code)
    if not with_definitions:
        return extracted
    kept = definitions(extracted, entry).strip()
    return kept if kept else extracted


request = json.loads(sys.stdin.read())
sys.stdout.write(sanitize(request["code"], request.get("entry"), request.get("definitions", True)))

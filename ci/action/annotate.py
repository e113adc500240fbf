#!/usr/bin/env python3
"""Workflow-command annotations from fuelgauge's outputs, for ci/action/gate.sh.

  annotate.py warnings RESULTS.json
      one ::warning per input that `fuelgauge score` skipped
  annotate.py errors COMPARE.json
      one ::error per error of `fuelgauge compare` (base and head that cannot be compared)
  annotate.py regressions --compare COMPARE.json [--workspace DIR] SOLUTIONS...
      one ::error per regressed system, then one per problem of it whose eff@1 dropped by more
      than the allowance, pointing at that problem's first sample under SOLUTIONS
"""

import argparse
import json
import os
import sys
from pathlib import Path

# GitHub shows at most 10 error annotations per step and 50 per job.
MAX_PROBLEM_ANNOTATIONS = 40
SOURCE_SUFFIXES = {".c", ".cpp", ".cc", ".cxx", ".py", ".wasm", ".wat"}


def escape_data(s):
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s):
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(kind, message, **props):
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    print(f"::{kind} {head}::{escape_data(message)}" if head else f"::{kind}::{escape_data(message)}")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def number(x):
    return f"{x:.3f}" if isinstance(x, (int, float)) else "n/a"


def change(base, head):
    """`0.91 → 0.40`; a third decimal only where two would hide the change."""
    b, h = f"{base:.2f}", f"{head:.2f}"
    if b == h:
        b, h = f"{base:.3f}", f"{head:.3f}"
    return f"{b} → {h}"



def sample_location(solutions, workspace, system, problem):
    """(file, line) of the problem's first sample under SOLUTIONS, or (None, None)."""
    for sol in map(Path, solutions):
        if sol.is_dir():
            folders = [sol / system / problem]
            if sol.resolve().name == system:  # <problem>/<files>: one system named after sol
                folders.append(sol / problem)
            for folder in folders:
                if folder.is_dir():
                    files = sorted(
                        (f for f in folder.iterdir() if f.is_file()),
                        key=lambda f: (f.suffix not in SOURCE_SUFFIXES, f.name),
                    )
                    return relative(files[0] if files else folder, workspace), 1
        elif sol.is_file() and system in (sol.stem, sol.name.split(".")[0]):
            return relative(sol, workspace), jsonl_line(sol, problem)
    return None, None


def jsonl_line(path, problem):
    """The line of the problem's first sample in an EvalPlus JSONL file, else 1."""
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                try:
                    task = str(json.loads(line).get("task_id", ""))
                except (ValueError, AttributeError):
                    continue
                if task.lower().replace("/", "-") == problem or task == problem:
                    return n
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def relative(path, workspace):
    p = os.path.abspath(path)
    w = os.path.abspath(workspace)
    return os.path.relpath(p, w) if p == w or p.startswith(w + os.sep) else p


def regressions(args):
    c = load(args.compare)
    findings = c.get("findings", [])
    changes = c.get("problem_changes", [])

    regressed = {}
    for f in findings:
        if not f.get("regression"):
            continue
        ci = ""
        if isinstance(f.get("ci_lower"), (int, float)) and isinstance(f.get("ci_upper"), (int, float)):
            ci = f", CI [{f['ci_lower']:+.3f}, {f['ci_upper']:+.3f}]"
        command(
            "error",
            f"{f['system']}: {f['metric']} {number(f.get('base'))} → {number(f.get('head'))}"
            f" (Δ {f.get('difference', 0):+.3f}{ci}; allowed drop {f.get('allowed', 0):.3f})",
            title="fuelgauge regression",
        )
        if f["metric"] == "eff@1" or f["system"] not in regressed:
            regressed[f["system"]] = f.get("allowed", 0.0) if f["metric"] == "eff@1" else 0.0

    drops = [
        ch for ch in changes
        if ch.get("system") in regressed
        and isinstance(ch.get("base"), (int, float)) and isinstance(ch.get("head"), (int, float))
        and ch["base"] - ch["head"] > regressed[ch["system"]]
    ]
    drops.sort(key=lambda ch: (ch["head"] - ch["base"], ch["system"], ch["problem"]))
    for ch in drops[:MAX_PROBLEM_ANNOTATIONS]:
        file, line = sample_location(args.solutions, args.workspace, ch["system"], ch["problem"])
        command(
            "error",
            f"{ch['system']} {ch['problem']}: eff@1 {change(ch['base'], ch['head'])}",
            file=file, line=line, title="fuelgauge regression",
        )
    if len(drops) > MAX_PROBLEM_ANNOTATIONS:
        command("notice", f"{len(drops) - MAX_PROBLEM_ANNOTATIONS} more problems regressed: see compare.md",
                title="fuelgauge regression")


def errors(args):
    c = load(args.compare)
    for e in c.get("errors", []) or ["fuelgauge compare failed (status error) without saying why"]:
        command("error", str(e), title="fuelgauge compare")


def warnings(args):
    for w in load(args.results).get("warnings", []):
        command("warning", str(w), title="fuelgauge score")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    r = sub.add_parser("regressions")
    r.add_argument("--compare", required=True)
    r.add_argument("--workspace", default=os.getcwd())
    r.add_argument("solutions", nargs="*")
    r.set_defaults(run=regressions)
    e = sub.add_parser("errors")
    e.add_argument("compare")
    e.set_defaults(run=errors)
    w = sub.add_parser("warnings")
    w.add_argument("results")
    w.set_defaults(run=warnings)
    args = p.parse_args()
    try:
        args.run(args)
    except (OSError, ValueError, KeyError, TypeError) as err:
        # Annotations are a convenience: the verdict is the exit status of score and compare.
        print(f"::warning title=fuelgauge::cannot annotate ({args.what}): {escape_data(str(err))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

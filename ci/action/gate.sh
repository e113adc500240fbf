#!/usr/bin/env bash
# Scores the head, then compares it with the base or saves it as the baseline; writes the job
# summary and annotations. The action's main step; runs the same by hand.
#
# Environment (the action's inputs; all but FG_SOLUTIONS optional):
#   FUELGAUGE                  the binary (default: fuelgauge on PATH)
#   FG_SOLUTIONS               solution paths, one per line
#   FG_PROBLEMS                the problem set (default: the one bundled with the action)
#   FG_ARGS                    extra `fuelgauge score` arguments, shell-quoted
#   FG_FAIL_UNDER              score gates METRIC=VALUE, separated by spaces or commas
#   FG_MAX_REGRESSION          compare allowances METRIC=VALUE (default eff@1=0.02)
#   FG_COMPARE_ARGS            extra `fuelgauge compare` arguments, shell-quoted
#   FG_BASELINE                `cache` (default) or the path of a base results.json
#   FG_BASELINE_DIR            with `cache`: where the baseline is restored to / saved from
#   FG_ALLOW_MISSING_BASELINE  `true`: no baseline to compare with is a notice, not an error
#   FG_DEFAULT_BRANCH          the repository's default branch (pushes to it save a baseline)
#   FG_BASE_SHA, FG_BASE_REF   the pull request's base, for messages
#   FG_OUT                     where the outputs go (default: fuelgauge-out)
#   GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE
#
# Exit status: 0 gates passed / no regression; 1 a --fail-under gate failed or compare found a
# regression; 2 an error (score or compare exited 2, or there was no baseline to compare with).
# Step outputs: mode, score-status, compare-status (0/1/2, or `skipped`), baseline-saved, dir.
set -euo pipefail
here=$(dirname "$0")
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$here/lib.sh"

FUELGAUGE=${FUELGAUGE:-fuelgauge}
command -v "$FUELGAUGE" >/dev/null ||
  fg_die "fuelgauge not found ('$FUELGAUGE'): set FUELGAUGE to the binary or put it on PATH (the action installs it)"
python3 -c '' 2>/dev/null || fg_die "python3 not found: the action's scripts need it (GitHub's ubuntu runners have it)"

out=${FG_OUT:-fuelgauge-out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/{results.json,report.html,results.xml,summary.md,compare.md,compare.json,compare.stderr}
fg_output dir "$out"

mode=$(fg_mode)
fg_output mode "$mode"

# split_args ARRAY TEXT: TEXT split as a shell would (shlex), without running a shell on it.
split_args() {
  local words
  words=$(mktemp)
  python3 -c 'import shlex, sys; sys.stdout.write("".join(a + "\0" for a in shlex.split(sys.argv[1])))' "$2" >"$words" ||
    fg_die "cannot split '$2' into arguments: check its quotes"
  mapfile -d '' -t "$1" <"$words"
  rm -f "$words"
}

mapfile -t solutions < <(fg_lines "${FG_SOLUTIONS:-}")
[ ${#solutions[@]} -gt 0 ] || fg_die "no solutions given: set the input 'solutions' (FG_SOLUTIONS) to a folder, JSONL or ENAMEL file"
for s in "${solutions[@]}"; do
  [ -e "$s" ] || fg_die "solutions '$s' not found in $PWD: give a path relative to the repository root (and check out the repository first)"
done
problems=${FG_PROBLEMS:-$FG_ACTION_DIR/problems}
[ -d "$problems" ] || fg_die "problem set '$problems' not found: set 'problems' to a folder of problem folders (reference/ beside it), or leave it empty for the bundled set"

split_args score_args "${FG_ARGS:-}"
while IFS= read -r g; do score_args+=(--fail-under "$g"); done < <(fg_words "${FG_FAIL_UNDER:-}")

echo "fuelgauge score ${solutions[*]} --problems $problems ${score_args[*]}"
set +e
fg_untrusted_begin
"$FUELGAUGE" score "${solutions[@]}" --problems "$problems" "${score_args[@]}" \
  -o "$out/results.json" -o "$out/report.html" -o "$out/results.xml" -o "$out/summary.md" -o - 2>&1
score_status=$?
fg_untrusted_end
set -e
fg_output score-status "$score_status"
if [ ! -s "$out/results.json" ]; then
  fg_die "fuelgauge score exited $score_status and wrote no results: see its message above"
fi
fg_summary_file "$out/summary.md"
python3 "$here/annotate.py" warnings "$out/results.json"
case $score_status in
  0) ;;
  1) fg_error "a --fail-under gate failed (${FG_FAIL_UNDER:-}): see the table in the job summary" ;;
  *) fg_error "fuelgauge score exited $score_status: some input could not be used (warnings above); the rest was scored" ;;
esac

compare_status=skipped
if [ "$mode" = save ]; then
  if [ "$score_status" -le 1 ]; then
    mkdir -p "${FG_BASELINE_DIR:?set FG_BASELINE_DIR to where the baseline is saved}"
    cp "$out/results.json" "$FG_BASELINE_DIR/results.json"
    fg_output baseline-saved true
    echo "saved as the baseline of ${GITHUB_SHA:-this commit} for pull requests into ${FG_DEFAULT_BRANCH:-the default branch}"
    fg_summary "**fuelgauge:** saved as the baseline for pull requests into ${FG_DEFAULT_BRANCH:-the default branch}."
  else
    fg_warning "not saved as a baseline: fuelgauge score exited $score_status"
  fi
elif [ "$mode" = score ]; then
  echo "nothing to compare with on ${GITHUB_EVENT_NAME:-this event} (${GITHUB_REF:-}): scored only"
else
  if [ "${FG_BASELINE:-cache}" = cache ]; then
    base="${FG_BASELINE_DIR:?set FG_BASELINE_DIR to where the baseline is restored}/results.json"
    what="no baseline for the base commit${FG_BASE_SHA:+ $FG_BASE_SHA}"
    todo="one is saved when this workflow runs on a push to ${FG_DEFAULT_BRANCH:-the default branch}: run it there first (or re-run it for that commit), or set allow-missing-baseline: true"
    if [ -n "${FG_BASE_REF:-}" ] && [ -n "${FG_DEFAULT_BRANCH:-}" ] && [ "$FG_BASE_REF" != "$FG_DEFAULT_BRANCH" ]; then
      todo="only pushes to $FG_DEFAULT_BRANCH save baselines, and this pull request is into $FG_BASE_REF: give 'baseline' the path of a base results.json, or set allow-missing-baseline: true"
    fi
  else
    base=$FG_BASELINE
    what="baseline '$base' not found"
    todo="give the path of a results.json of the base, or set allow-missing-baseline: true"
  fi
  if [ ! -s "$base" ]; then
    if [ "${FG_ALLOW_MISSING_BASELINE:-false}" = true ]; then
      fg_notice "$what; nothing compared (allow-missing-baseline)"
      fg_summary "**fuelgauge:** $what; nothing compared."
    else
      fg_summary "**fuelgauge:** $what; $todo."
      fg_output compare-status 2
      fg_die "$what; $todo"
    fi
  else
    compare_args=()
    while IFS= read -r g; do compare_args+=(--max-regression "$g"); done < <(fg_words "${FG_MAX_REGRESSION:-eff@1=0.02}")
    split_args extra "${FG_COMPARE_ARGS:-}"
    compare_args+=("${extra[@]}")
    compare_args+=(-o "$out/compare.md" -o "$out/compare.json")
    echo "fuelgauge compare $base $out/results.json ${compare_args[*]}"
    set +e
    "$FUELGAUGE" compare "$base" "$out/results.json" "${compare_args[@]}" 2>"$out/compare.stderr"
    compare_status=$?
    set -e
    fg_untrusted_begin
    cat "$out/compare.stderr"
    fg_untrusted_end
    fg_summary_file "$out/compare.md"
    case $compare_status in
      0) echo "compare: no regression" ;;
      1)
        python3 "$here/annotate.py" regressions --compare "$out/compare.json" \
          --workspace "${GITHUB_WORKSPACE:-$PWD}" "${solutions[@]}"
        ;;
      *)
        if [ -s "$out/compare.json" ]; then
          python3 "$here/annotate.py" errors "$out/compare.json"
        else
          fg_error "fuelgauge compare exited $compare_status: $(grep -v '^[[:space:]]*$' "$out/compare.stderr" | tail -n 1)"
        fi
        ;;
    esac
  fi
fi
fg_output compare-status "$compare_status"

status=0
for s in "$score_status" "$compare_status"; do
  case $s in
    0 | skipped) ;;
    1) [ "$status" = 2 ] || status=1 ;;
    *) status=2 ;;
  esac
done
exit "$status"

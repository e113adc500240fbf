# shellcheck shell=bash
# Shared by the scripts of the GitHub Action (action.yml); sourced, not run.
# Every script can also be run by hand: what GitHub provides comes in through the environment
# (GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, ...) and is optional.

# The fuelgauge checkout the action runs from: $GITHUB_ACTION_PATH on GitHub.
# shellcheck disable=SC2034 # used by the scripts that source this file
FG_ACTION_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Workflow commands are plain lines on stdout; the runner turns them into annotations, and
# they stay readable in a terminal.
fg_escape() {
  local s=$1
  s=${s//'%'/'%25'}
  s=${s//$'\r'/'%0D'}
  s=${s//$'\n'/'%0A'}
  printf '%s' "$s"
}
fg_error() { echo "::error title=fuelgauge::$(fg_escape "$*")"; }
fg_warning() { echo "::warning title=fuelgauge::$(fg_escape "$*")"; }
fg_notice() { echo "::notice title=fuelgauge::$(fg_escape "$*")"; }
fg_die() {
  fg_error "$*"
  exit 2
}

# fg_output NAME VALUE: a step output (single-line values only).
# fuelgauge's own output holds names from the repository (systems, problems, paths): between
# these two, GitHub runs no workflow command it prints (a folder named "x\n::error ..." must not
# forge an annotation or stop the real ones).
fg_untrusted_begin() {
  FG_STOP_TOKEN="fuelgauge-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  echo "::stop-commands::$FG_STOP_TOKEN"
}
fg_untrusted_end() { echo "::$FG_STOP_TOKEN::"; }
fg_output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1=$2" >>"$GITHUB_OUTPUT"; fi
}

# fg_summary TEXT / fg_summary_file FILE: append to the job summary.
fg_summary() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then printf '%s\n' "$*" >>"$GITHUB_STEP_SUMMARY"; fi
}
fg_summary_file() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$1" ]; then
    { cat "$1"; echo; } >>"$GITHUB_STEP_SUMMARY"
  fi
}

# sudo when not root; fails with a hint when sudo would ask for a password.
fg_sudo() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    fg_die "'$*' needs root: run the job as root or on a runner with passwordless sudo (GitHub-hosted runners have it)"
  fi
}

# What this run does with the baseline:
#   compare  a pull request (or merge queue) with baseline=cache, or any event with a
#            baseline file: compare the head with the base
#   save     a push to the default branch with baseline=cache: save the head as the baseline
#   score    anything else: score only
fg_mode() {
  if [ "${FG_BASELINE:-cache}" != cache ]; then
    echo compare
    return
  fi
  case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target | merge_group) echo compare ;;
    push)
      if [ -n "${FG_DEFAULT_BRANCH:-}" ] && [ "${GITHUB_REF:-}" = "refs/heads/$FG_DEFAULT_BRANCH" ]; then
        echo save
      else
        echo score
      fi
      ;;
    *) echo score ;;
  esac
}

# fg_words TEXT: one item per line, from items separated by spaces, commas or newlines
# (METRIC=VALUE gates never contain any of them).
fg_words() {
  printf '%s\n' "$1" | sed -e 's/[[:space:],][[:space:],]*/\n/g' | sed '/^$/d'
}

# fg_lines TEXT: one item per non-empty line, surrounding blanks trimmed (paths may hold spaces).
fg_lines() {
  printf '%s\n' "$1" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d'
}

#!/usr/bin/env bash
# Decides what this run does (compare, save or score; see fg_mode in lib.sh) and computes the
# cache keys and paths of the action, written as step outputs (and printed).
#
# hashFiles() only sees the workspace, not the action's own folder, so the keys are computed
# here from the action's files.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

cd "$FG_ACTION_DIR"
# The binary: its sources, the lock file and the runtime digest it embeds.
src_hash=$(
  {
    find src -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    sha256sum Cargo.toml Cargo.lock runtime/python/component.sha256
  } | sha256sum | cut -c1-16
)
rust=$(sed -n 's/^rust-version *= *"\(.*\)"/\1/p' Cargo.toml)
runtime_sha=$(tr -d '[:space:]' <runtime/python/component.sha256)
debs_hash=$(grep -h -v '^#' ci/action/packages.txt | sha256sum | cut -c1-16)

os=${RUNNER_OS:-$(uname -s)}
arch=${RUNNER_ARCH:-$(uname -m)}
# GitHub-hosted runners name their image (ImageOS=ubuntu24) and its weekly build
# (ImageVersion); elsewhere the distribution stands in for them.
image=${ImageOS:-$(. /etc/os-release && echo "${ID:-linux}${VERSION_ID:-}")}
image_build=${ImageVersion:-local}
tmp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
data=${XDG_DATA_HOME:-$HOME/.local/share}/fuelgauge

out() {
  echo "$1=$2"
  fg_output "$1" "$2"
}
out mode "$(fg_mode)"
# Binaries depend on the image's libraries, not on its weekly build.
out bin-key "fuelgauge-bin-v1-$os-$image-$arch-rust$rust-$src_hash"
out bin-dir "$HOME/.cache/fuelgauge-action/bin-$src_hash"
# Downloaded .debs match the package versions of one image build exactly.
out debs-key "fuelgauge-debs-v1-$os-$image-$image_build-$arch-$debs_hash"
out debs-dir "$tmp/fuelgauge-debs"
# The Python runtime is byte-reproducible and platform-independent: keyed by its digest only.
out runtime-key "fuelgauge-runtime-v1-$os-$runtime_sha"
out runtime-file "$data/python-runtime-${runtime_sha:0:16}.wasm"
out humaneval-file "$data/HumanEval.jsonl.gz"
# fuelgauge's compile and run cache, content-addressed: safe to share between commits.
out score-cache-dir "${FUELGAUGE_CACHE:-$HOME/.cache/fuelgauge}"
out score-cache-key "fuelgauge-cache-v1-$os-$image-$arch-$src_hash-${GITHUB_SHA:-local}"
out score-cache-prefix "fuelgauge-cache-v1-$os-$image-$arch-$src_hash-"
out baseline-dir "$tmp/fuelgauge-baseline"
out out-dir "$tmp/fuelgauge"

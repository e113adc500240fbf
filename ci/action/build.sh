#!/usr/bin/env bash
# Installs the fuelgauge of this checkout into FG_BIN_DIR (cargo install --root), unless a
# working binary is already there (the action caches that folder, keyed by the sources).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

bin_dir=${FG_BIN_DIR:?set FG_BIN_DIR to the folder to install fuelgauge into}
exe="$bin_dir/bin/fuelgauge"
if [ -x "$exe" ] && "$exe" --version >/dev/null 2>&1; then
  echo "build: $("$exe" --version) at $exe (cached)"
else
  rust=$(sed -n 's/^rust-version *= *"\(.*\)"/\1/p' "$FG_ACTION_DIR/Cargo.toml")
  command -v rustup >/dev/null ||
    fg_die "building fuelgauge needs Rust $rust and rustup is not on PATH: install rustup (GitHub's ubuntu runners have it) or put a fuelgauge binary at $exe"
  echo "build: cargo install fuelgauge with Rust $rust (once per runner image and fuelgauge version)"
  rustup toolchain install "$rust" --profile minimal --no-self-update
  cargo "+$rust" install --locked --path "$FG_ACTION_DIR" --root "$bin_dir"
fi
if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin_dir/bin" >>"$GITHUB_PATH"; fi
fg_output fuelgauge "$exe"

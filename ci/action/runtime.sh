#!/usr/bin/env bash
# Builds the Python runtime into ${XDG_DATA_HOME:-~/.local/share}/fuelgauge with ci/setup
# (which checks it against runtime/python/component.sha256); quiet when it is already there,
# as it is after the action restores it from its cache.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

FUELGAUGE_SETUP_BROWSER=0 bash "$FG_ACTION_DIR/ci/setup" ||
  fg_die "ci/setup failed (see above): the Python runtime is not ready"

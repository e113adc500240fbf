#!/usr/bin/env bash
# Makes bubblewrap work (fuelgauge confines the compiler with it) and proves it does.
#
# Ubuntu 23.10 and later (GitHub's ubuntu-24.04 runners among them) let AppArmor deny
# unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1), and bwrap
# fails with "setting up uid map: Permission denied". On a runner that is a throw-away VM,
# lifting the restriction is the simple fix. Inside an unprivileged container nothing done
# here can help: the container runtime's seccomp filter forbids the namespaces.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

BWRAP=/usr/bin/bwrap
[ -x "$BWRAP" ] || fg_die "$BWRAP not found: install bubblewrap (ci/action/packages.sh does)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The namespaces fuelgauge asks for (src/toolchain/confine.rs), on a read-only view of /.
probe() {
  "$BWRAP" --unshare-all --die-with-parent --new-session --ro-bind / / --dev /dev true 2>"$log"
}
if probe; then
  echo "sandbox: bubblewrap works"
  exit 0
fi
knob=/proc/sys/kernel/apparmor_restrict_unprivileged_userns
if [ -r "$knob" ] && [ "$(cat "$knob")" != 0 ]; then
  echo "sandbox: AppArmor restricts unprivileged user namespaces; lifting it (sysctl kernel.apparmor_restrict_unprivileged_userns=0)"
  fg_sudo sysctl -q -w kernel.apparmor_restrict_unprivileged_userns=0
  if probe; then
    echo "sandbox: bubblewrap works"
    exit 0
  fi
fi
why=$(head -n 1 "$log")
if [ -e /.dockerenv ] || [ -e /run/.containerenv ]; then
  fg_die "bubblewrap cannot create namespaces inside this container ($why): run the job on the runner itself (remove 'container:' from the job), or give the container --privileged (or --security-opt seccomp=unconfined --security-opt apparmor=unconfined)"
fi
fg_die "bubblewrap cannot create namespaces on this machine ($why): allow unprivileged user namespaces (sysctl user.max_user_namespaces > 0, kernel.apparmor_restrict_unprivileged_userns=0) or run on a GitHub-hosted ubuntu runner"

#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages in ci/action/packages.txt.
#
# FG_DEBS_DIR (optional) keeps the downloaded .debs: the action caches that folder per runner
# image build, and on a cache hit installs them with dpkg, without `apt-get update` or any
# download. Packages that the runner's apt sources do not have are named in one error, after
# the others are installed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

mapfile -t wanted < <(grep -v -e '^#' -e '^[[:space:]]*$' "$(dirname "$0")/packages.txt")
not_installed() {
  local p
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}
command -v dpkg-query >/dev/null || fg_die "installing packages needs a Debian or Ubuntu runner (no dpkg here); use runs-on: ubuntu-24.04"
mapfile -t missing < <(not_installed)
if [ ${#missing[@]} -eq 0 ]; then
  echo "packages: all ${#wanted[@]} present"
  exit 0
fi

debs=${FG_DEBS_DIR:-}
if [ -n "$debs" ] && compgen -G "$debs/*.deb" >/dev/null; then
  echo "packages: installing ${#missing[@]} from cached .debs: ${missing[*]}"
  if fg_sudo dpkg -i "$debs"/*.deb >"${TMPDIR:-/tmp}/fuelgauge-dpkg.log" 2>&1; then
    mapfile -t missing < <(not_installed)
    if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
  fi
  # A stale cache (the image changed under the same key): download afresh, and let apt
  # repair what dpkg left half-configured.
  echo "packages: the cached .debs did not install everything (${missing[*]}); downloading"
  rm -f "$debs"/*.deb
fi

fg_sudo apt-get update -qq
available=()
unavailable=()
for p in "${missing[@]}"; do
  if apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [^(]'; then
    available+=("$p")
  else
    unavailable+=("$p")
  fi
done
if [ ${#available[@]} -gt 0 ]; then
  echo "packages: installing ${available[*]}"
  apt_opts=(-y -qq --no-install-recommends --fix-broken)
  if [ -n "$debs" ]; then
    mkdir -p "$debs/partial"
    apt_opts+=(-o "Dir::Cache::Archives=$debs" -o APT::Keep-Downloaded-Packages=true)
  fi
  fg_sudo env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${available[@]}" >/dev/null
  if [ -n "$debs" ]; then
    # apt leaves root-owned bookkeeping there; the cache step runs as this user.
    fg_sudo rm -rf "$debs/partial" "$debs/lock"
    fg_sudo chown -R "$(id -u):$(id -g)" "$debs"
    if compgen -G "$debs/*.deb" >/dev/null; then fg_output downloaded true; fi
  fi
fi
if [ ${#unavailable[@]} -gt 0 ]; then
  fg_die "the apt sources of this runner ($(. /etc/os-release && echo "${PRETTY_NAME:-unknown}")) have no package ${unavailable[*]}: add a repository that has them in a step before this action, or run on an image that has them (Debian 12 has them all)"
fi

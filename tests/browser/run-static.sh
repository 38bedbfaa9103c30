#!/bin/sh
# Browser test of the static export: `privascore build` writes the site to a
# temporary folder, static.test.mjs serves it from a sub-path with a plain
# static file server (node's http module, in the test) and opens it in
# Debian's chromium (playwright-core).
#
#   tests/browser/run-static.sh [path/to/privascore]
#
# The binary defaults to $PRIVASCORE_BINARY, else build/privascore.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-${PRIVASCORE_BINARY:-$root/build/privascore}}
case $binary in /*) ;; *) binary=$PWD/$binary ;; esac  # the server starts in another folder

if [ ! -x "$binary" ]; then
  echo "run-static.sh: no privascore binary at $binary; build first (make build) or pass its path" >&2
  exit 2
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "run-static.sh: /usr/bin/chromium is missing; install the Debian package chromium (make deps)" >&2
  exit 2
fi
cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/privascore-static.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

"$binary" build "$work/site" --base-url https://example.org/privascore >"$work/build.out"
mkdir -p "$here/artifacts"
PRIVASCORE_STATIC_DIR="$work/site" PRIVASCORE_ARTIFACTS="$here/artifacts" \
  node --test --test-concurrency=1 static.test.mjs

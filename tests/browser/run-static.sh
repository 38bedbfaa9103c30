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
script=run-static
. "$(dirname "$0")/common.sh"

"$binary" build "$work/site" --base-url https://example.org/privascore >"$work/build.out"
PRIVASCORE_STATIC_DIR="$work/site" PRIVASCORE_ARTIFACTS="$here/artifacts" \
  node --test --test-concurrency=1 static.test.mjs

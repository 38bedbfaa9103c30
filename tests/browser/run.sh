#!/bin/sh
# Browser tests of the site: starts the real server (`privascore serve`) on
# a free port of 127.0.0.1 with a fresh database, then runs site.test.mjs and
# personal.test.mjs with node's test runner in Debian's chromium
# (playwright-core).
#
#   tests/browser/run.sh [path/to/privascore]
#
# The binary defaults to $PRIVASCORE_BINARY, else build/privascore.
# Screenshots go to tests/browser/artifacts/ (git-ignored).
set -eu
script=run
. "$(dirname "$0")/common.sh"

start_server
PRIVASCORE_URL="$url" PRIVASCORE_ARTIFACTS="$here/artifacts" \
  node --test --test-concurrency=1 site.test.mjs personal.test.mjs

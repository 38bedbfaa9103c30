#!/bin/sh
# Browser test of the editor: starts the real server (`privascore serve`) on
# a free port of 127.0.0.1 with a fresh database and four accounts, then
# runs editor.test.mjs with node's test runner in Debian's chromium
# (playwright-core). The test stores script and SQL payloads in every text
# field and checks that no script runs on any public or editor page.
#
#   tests/browser/run-editor.sh [path/to/privascore]
#
# The binary defaults to $PRIVASCORE_BINARY, else build/privascore.
set -eu
script=run-editor
. "$(dirname "$0")/common.sh"

password="correct horse battery staple"
for account in "erika editor" "rolf reviewer" "rita reviewer" "ada admin"; do
  set -- $account
  printf '%s\n' "$password" | "$binary" user add "$1" --role "$2" --password-stdin --db "$work/privascore.db" >/dev/null
done

start_server
PRIVASCORE_URL="$url" PRIVASCORE_PASSWORD="$password" PRIVASCORE_ARTIFACTS="$here/artifacts" \
  node --test --test-concurrency=1 editor.test.mjs

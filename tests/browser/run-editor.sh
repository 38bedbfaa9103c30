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
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-${PRIVASCORE_BINARY:-$root/build/privascore}}
case $binary in /*) ;; *) binary=$PWD/$binary ;; esac  # the server starts in another folder

if [ ! -x "$binary" ]; then
  echo "run-editor.sh: no privascore binary at $binary; build first (make build) or pass its path" >&2
  exit 2
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "run-editor.sh: /usr/bin/chromium is missing; install the Debian package chromium (make deps)" >&2
  exit 2
fi
cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/privascore-browser-editor.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

password="correct horse battery staple"
for account in "erika editor" "rolf reviewer" "rita reviewer" "ada admin"; do
  set -- $account
  printf '%s\n' "$password" | "$binary" user add "$1" --role "$2" --password-stdin --db "$work/privascore.db" >/dev/null
done

(cd "$work" && exec "$binary" serve --listen 127.0.0.1:0 --db "$work/privascore.db" --access-log off) \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

url=""
tries=0
while [ -z "$url" ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run-editor.sh: the server exited before serving:" >&2
    cat "$work/server.out" "$work/server.err" >&2
    exit 1
  fi
  url=$(sed -n 's/^privascore: serving \(http:\/\/[^ ]*\).*/\1/p' "$work/server.out" | head -n 1)
  if [ -z "$url" ]; then
    tries=$((tries + 1))
    if [ "$tries" -gt 300 ]; then
      echo "run-editor.sh: the server did not report its address within 30 s" >&2
      cat "$work/server.out" "$work/server.err" >&2
      exit 1
    fi
    sleep 0.1
  fi
done
url=${url%/}

mkdir -p "$here/artifacts"
PRIVASCORE_URL="$url" PRIVASCORE_PASSWORD="$password" PRIVASCORE_ARTIFACTS="$here/artifacts" \
  node --test --test-concurrency=1 editor.test.mjs

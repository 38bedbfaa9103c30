#!/bin/sh
# Browser tests of the site: starts the real server (`privascore serve`) on
# a free port of 127.0.0.1 with a fresh database, then runs site.test.mjs and personal.test.mjs
# with node's test runner in Debian's chromium (playwright-core).
#
#   tests/browser/run.sh [path/to/privascore]
#
# The binary defaults to $PRIVASCORE_BINARY, else build/privascore.
# Screenshots go to tests/browser/artifacts/ (git-ignored).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-${PRIVASCORE_BINARY:-$root/build/privascore}}
case $binary in /*) ;; *) binary=$PWD/$binary ;; esac  # the server starts in another folder

if [ ! -x "$binary" ]; then
  echo "run.sh: no privascore binary at $binary; build first (make build) or pass its path" >&2
  exit 2
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "run.sh: /usr/bin/chromium is missing; install the Debian package chromium (make deps)" >&2
  exit 2
fi
cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/privascore-browser.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

(cd "$work" && exec "$binary" serve --listen 127.0.0.1:0 --db "$work/privascore.db" --access-log off) \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

# The server prints "privascore: serving http://127.0.0.1:PORT (...)".
url=""
tries=0
while [ -z "$url" ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run.sh: the server exited before serving:" >&2
    cat "$work/server.out" "$work/server.err" >&2
    exit 1
  fi
  url=$(sed -n 's/^privascore: serving \(http:\/\/[^ ]*\).*/\1/p' "$work/server.out" | head -n 1)
  if [ -z "$url" ]; then
    tries=$((tries + 1))
    if [ "$tries" -gt 300 ]; then
      echo "run.sh: the server did not report its address within 30 s" >&2
      cat "$work/server.out" "$work/server.err" >&2
      exit 1
    fi
    sleep 0.1
  fi
done
url=${url%/}

mkdir -p "$here/artifacts"
PRIVASCORE_URL="$url" PRIVASCORE_ARTIFACTS="$here/artifacts" node --test --test-concurrency=1 site.test.mjs personal.test.mjs

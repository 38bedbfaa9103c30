# Shared by the browser test scripts (run.sh, run-static.sh, run-editor.sh):
# sourced after `set -eu` with $script set to the caller's name and "$@" its
# arguments. Finds the binary and chromium, installs playwright-core from the
# lock file when missing, and makes a temporary folder $work, removed on exit.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-${PRIVASCORE_BINARY:-$root/build/privascore}}
case $binary in /*) ;; *) binary=$PWD/$binary ;; esac  # the server starts in another folder

if [ ! -x "$binary" ]; then
  echo "$script: no privascore binary at $binary; build first (make build) or pass its path" >&2
  exit 2
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "$script: /usr/bin/chromium is missing; install the Debian package chromium (make deps)" >&2
  exit 2
fi
cd "$here"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/html-validate ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p "$here/artifacts"

work=$(mktemp -d "${TMPDIR:-/tmp}/privascore-$script.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# start_server: `privascore serve` on a free port with the database
# $work/privascore.db, started in $work; sets $url once it serves (it prints
# "privascore: serving http://127.0.0.1:PORT/ (...)").
start_server() {
  (cd "$work" && exec "$binary" serve --listen 127.0.0.1:0 --db "$work/privascore.db" --access-log off) \
    >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  url=""
  tries=0
  while [ -z "$url" ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "$script: the server exited before serving:" >&2
      cat "$work/server.out" "$work/server.err" >&2
      exit 1
    fi
    url=$(sed -n 's/^privascore: serving \(http:\/\/[^ ]*\).*/\1/p' "$work/server.out" | head -n 1)
    if [ -z "$url" ]; then
      tries=$((tries + 1))
      if [ "$tries" -gt 300 ]; then
        echo "$script: the server did not report its address within 30 s" >&2
        cat "$work/server.out" "$work/server.err" >&2
        exit 1
      fi
      sleep 0.1
    fi
  done
  url=${url%/}
}

#!/bin/sh
# bench/http/run.sh: requests/s and p99 latency of `privascore serve` and of
# nginx serving the same bytes as static files, in the same run, with wrk at
# 64 connections; plus the server's resident memory. Prints a table in the
# shape of docs/performance.md's "HTTP" section.
#
#   bench/http/run.sh [BUILD_DIR]          (default: build)
#
# Environment: CONNECTIONS (64), THREADS (wrk threads, 2), DURATION (10s),
# SERVER_THREADS (privascore --threads, 2), PAGE and JSON (the paths).
# wrk, nginx and curl are bench-only tools: installed here when missing
# (needs root), never needed by the tests.
set -eu

BUILD=${1:-build}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
DURATION=${DURATION:-10s}
SERVER_THREADS=${SERVER_THREADS:-2}
PAGE=${PAGE:-/en/video-conferencing}
JSON=${JSON:-/api/v1/categories/video-conferencing/scores?edition=latest}
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=$(cd "$BUILD" && pwd)/privascore

[ -x "$BIN" ] || { echo "run.sh: no privascore binary at $BIN; build first (make build)" >&2; exit 1; }

missing=""
for tool in wrk nginx curl; do
  command -v $tool >/dev/null 2>&1 || [ -x /usr/sbin/$tool ] || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "run.sh: missing$missing; install them (apt-get install$missing) or run as root" >&2
    exit 1
  fi
  echo "run.sh: installing$missing" >&2
  apt-get install -y --no-install-recommends $missing >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

TMP=$(mktemp -d /tmp/privascore-bench-http-XXXXXX)
chmod 755 "$TMP"
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

# --- privascore (on a port the system picks) -------------------------------
(cd "$TMP" && exec "$BIN" serve --listen 127.0.0.1:0 --db "$TMP/privascore.db" --threads "$SERVER_THREADS" \
  --access-log "$TMP/privascore-access.log" >"$TMP/privascore.out" 2>"$TMP/privascore.err") &
SERVER_PID=$!
for _ in $(seq 1 300); do
  grep -q "serving" "$TMP/privascore.out" 2>/dev/null && break
  sleep 0.1
done
grep -q "serving" "$TMP/privascore.out" || { echo "run.sh: privascore did not start:" >&2; cat "$TMP/privascore.err" >&2; exit 1; }
P_PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$TMP/privascore.out")

# --- the same bytes for nginx -------------------------------------------
mkdir -p "$TMP/www"
fetch() {  # URL-PATH -> file under www (query dropped)
  file="$TMP/www${1%%\?*}"
  mkdir -p "$(dirname "$file")"
  code=$(curl -s -o "$file" -w '%{http_code}' "http://127.0.0.1:$P_PORT$1")
  [ "$code" = 200 ] || { echo "run.sh: privascore answered $code for $1; set PAGE/JSON to paths that exist" >&2; exit 1; }
  wc -c <"$file"
}
PAGE_BYTES=$(fetch "$PAGE")
JSON_BYTES=$(fetch "$JSON")
chmod -R a+rX "$TMP/www"

# A random port nobody answers on.
while :; do
  N_PORT=$(shuf -i 20000-40000 -n 1)
  curl -s -o /dev/null "http://127.0.0.1:$N_PORT/" || break
done
sed -e "s|@ROOT@|$TMP/www|g" -e "s|@PORT@|$N_PORT|g" -e "s|@TMP@|$TMP|g" "$HERE/nginx.conf" >"$TMP/nginx.conf"
"$NGINX" -c "$TMP/nginx.conf" -p "$TMP" 2>"$TMP/nginx.stderr" &
NGINX_PID=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$N_PORT$PAGE" && break
  sleep 0.1
done
[ "$(curl -s "http://127.0.0.1:$N_PORT$PAGE" | wc -c)" = "$PAGE_BYTES" ] || { echo "run.sh: nginx does not serve the page" >&2; cat "$TMP/nginx.stderr" "$TMP/nginx-error.log" >&2; exit 1; }

# --- measure --------------------------------------------------------------
# wrk prints "Requests/sec: N" and, with --latency, "99%  1.23ms".
measure() {  # NAME URL -> "rps p99_ms"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$2" >/dev/null 2>&1  # warm-up
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2")
  echo "$out" >"$TMP/wrk-$1.txt"
  errors=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p')
  [ -z "$errors" ] || echo "run.sh: warning: $1: $errors non-2xx responses" >&2
  rps=$(echo "$out" | awk '/Requests\/sec:/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}')
  echo "$rps $p99"
}

set -- $(measure privascore-page "http://127.0.0.1:$P_PORT$PAGE"); P_PAGE_RPS=$1; P_PAGE_P99=$2
set -- $(measure privascore-json "http://127.0.0.1:$P_PORT$JSON"); P_JSON_RPS=$1; P_JSON_P99=$2
RSS=$(awk '/^VmRSS:/ {printf "%.1f", $2/1024}' /proc/$SERVER_PID/status)
HWM=$(awk '/^VmHWM:/ {printf "%.1f", $2/1024}' /proc/$SERVER_PID/status)
set -- $(measure nginx-page "http://127.0.0.1:$N_PORT$PAGE"); N_PAGE_RPS=$1; N_PAGE_P99=$2
set -- $(measure nginx-json "http://127.0.0.1:$N_PORT$JSON"); N_JSON_RPS=$1; N_JSON_P99=$2

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; privascore serve --threads $SERVER_THREADS; nginx worker_processes 2; $(nproc) cores"
echo
echo "| document | bytes | privascore req/s | p99 | nginx req/s | p99 | privascore / nginx |"
echo "|---|---:|---:|---:|---:|---:|---:|"
echo "| page \`$PAGE\` | $PAGE_BYTES | $P_PAGE_RPS | ${P_PAGE_P99} ms | $N_PAGE_RPS | ${N_PAGE_P99} ms | $(ratio "$P_PAGE_RPS" "$N_PAGE_RPS") |"
echo "| JSON \`$JSON\` | $JSON_BYTES | $P_JSON_RPS | ${P_JSON_P99} ms | $N_JSON_RPS | ${N_JSON_P99} ms | $(ratio "$P_JSON_RPS" "$N_JSON_RPS") |"
echo
echo "privascore RSS after the runs: $RSS MB (peak $HWM MB)"

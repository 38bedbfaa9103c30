#!/bin/sh
# bench/http/publish-under-load.sh: do reads stay fast while an editor
# publishes? wrk reads the category page of `privascore serve` for DURATION
# twice: once undisturbed (the reference), once while editors publish
# ROUNDS new editions through the editor over HTTP (in each round an editor
# saves a rating draft per service, a reviewer approves them, the reviewer
# publishes). Prints requests/s, p99 and maximum latency of both runs and the
# duration of each publication request.
#
#   bench/http/publish-under-load.sh [BUILD_DIR]     (default: build)
#
# Environment: CONNECTIONS (64), DURATION (20s), ROUNDS (5).
# Needs wrk and curl (bench-only tools; not needed by the tests).
set -eu

BUILD=${1:-build}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-20s}
ROUNDS=${ROUNDS:-5}
BIN=$(cd "$BUILD" && pwd)/privascore
PAGE=/en/video-conferencing
SERVICES="nextcloud-talk jitsi-meet bigbluebutton opentalk consularia-office gotomeeting google-meet skype zoom"
[ -x "$BIN" ] || { echo "publish-under-load.sh: no privascore binary at $BIN; build first (make build)" >&2; exit 1; }
for tool in wrk curl; do
  command -v $tool >/dev/null 2>&1 || { echo "publish-under-load.sh: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done

TMP=$(mktemp -d /tmp/privascore-bench-publish-XXXXXX)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

PASSWORD="publish under load benchmark"
"$BIN" import --db "$TMP/privascore.db" >/dev/null
for account in "erika editor" "rolf reviewer"; do
  set -- $account
  printf '%s\n' "$PASSWORD" | "$BIN" user add "$1" --role "$2" --password-stdin --db "$TMP/privascore.db" >/dev/null
done
(cd "$TMP" && exec "$BIN" serve --listen 127.0.0.1:0 --db "$TMP/privascore.db" --access-log off \
  >"$TMP/server.out" 2>"$TMP/server.err") &
SERVER_PID=$!
for _ in $(seq 1 300); do
  grep -q "serving" "$TMP/server.out" 2>/dev/null && break
  sleep 0.1
done
URL=$(sed -n 's|^privascore: serving \(http://[^/ ]*\)/.*|\1|p' "$TMP/server.out")
[ -n "$URL" ] || { echo "publish-under-load.sh: the server did not start" >&2; cat "$TMP/server.err" >&2; exit 1; }

# --- the editor over HTTP ------------------------------------------------------
field() {  # NAME < page -> the value of the first hidden field NAME
  sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1
}
login() {  # USER
  curl -s -o /dev/null -c "$TMP/$1.jar" -H "Origin: $URL" \
    --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" "$URL/edit/login"
}
post() {  # USER PATH DATA... -> the Location header
  user=$1 path=$2
  shift 2
  curl -s -o /dev/null -D "$TMP/headers" -b "$TMP/$user.jar" -H "Origin: $URL" "$@" "$URL$path"
  sed -n 's/^[Ll]ocation: \([^\r]*\).*/\1/p' "$TMP/headers"
}
login erika
login rolf

round() {  # N: drafts, reviews, then the publication (its duration in ms on stdout)
  n=$1
  level=yellow
  [ $((n % 2)) -eq 0 ] && level=green
  drafts=""
  for service in $SERVICES; do
    form=$(curl -s -b "$TMP/erika.jar" "$URL/edit/c/video-conferencing/s/$service/r/anonymous")
    draft=$(post erika "/edit/c/video-conferencing/s/$service/r/anonymous" \
      --data-urlencode "csrf=$(echo "$form" | field csrf)" \
      --data-urlencode "base_draft=$(echo "$form" | field base_draft)" \
      --data-urlencode "base_version=$(echo "$form" | field base_version)" \
      --data-urlencode "base_edition=$(echo "$form" | field base_edition)" \
      --data-urlencode "variant=" --data-urlencode "level=$level" --data-urlencode "status=unverified" \
      --data-urlencode "note_kind=reassessment" \
      --data-urlencode "justification_de=Messlauf $n" --data-urlencode "justification_en=Benchmark round $n" \
      --data-urlencode "reason_de=Messlauf $n" --data-urlencode "reason_en=Benchmark round $n")
    drafts="$drafts $draft"
  done
  for draft in $drafts; do
    page=$(curl -s -b "$TMP/rolf.jar" "$URL$draft")
    post rolf "$draft/review" --data-urlencode "csrf=$(echo "$page" | field csrf)" \
      --data-urlencode "version=$(echo "$page" | field version)" \
      --data-urlencode "decision=approve" --data-urlencode "comment=ok" >/dev/null
  done
  form=$(curl -s -b "$TMP/rolf.jar" "$URL/edit/c/video-conferencing/publish")
  start=$(date +%s%N)
  curl -s -o "$TMP/published.html" -w '%{http_code}' -b "$TMP/rolf.jar" -H "Origin: $URL" \
    --data-urlencode "csrf=$(echo "$form" | field csrf)" \
    --data-urlencode "date=2025-01-$(printf '%02d' "$n")" \
    --data-urlencode "title_de=Messlauf $n" --data-urlencode "title_en=Benchmark round $n" \
    --data-urlencode "summary_de=Messlauf $n" --data-urlencode "summary_en=Benchmark round $n" \
    "$URL/edit/c/video-conferencing/publish" >"$TMP/status"
  end=$(date +%s%N)
  [ "$(cat "$TMP/status")" = 200 ] || { echo "publish-under-load.sh: publication $n answered $(cat "$TMP/status")" >&2; exit 1; }
  echo $(((end - start) / 1000000))
}

# --- measure -------------------------------------------------------------------
summary() {  # wrk output -> "rps p99 max"
  awk '/Requests\/sec:/ {rps=$2}
       $1 == "99%" {p99=$2}
       $1 == "Latency" && NF >= 4 {max=$4}
       END {print rps, p99, max}'
}
wrk -t2 -c"$CONNECTIONS" -d2s "$URL$PAGE" >/dev/null 2>&1  # warm-up
set -- $(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$URL$PAGE" | summary)
QUIET_RPS=$1 QUIET_P99=$2 QUIET_MAX=$3

wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$URL$PAGE" >"$TMP/wrk-busy.txt" &
WRK_PID=$!
sleep 1
PUBLISH_MS=""
for n in $(seq 1 "$ROUNDS"); do
  PUBLISH_MS="$PUBLISH_MS $(round "$n")"
done
wait $WRK_PID
set -- $(summary <"$TMP/wrk-busy.txt")
BUSY_RPS=$1 BUSY_P99=$2 BUSY_MAX=$3
EDITIONS=$(curl -s "$URL/api/v1/categories/video-conferencing/editions" | grep -o '2025-01-[0-9]*' | sort -u | wc -l)

echo "wrk -t2 -c$CONNECTIONS -d$DURATION --latency $PAGE; $ROUNDS publications of $(echo $SERVICES | wc -w) rating changes each during the second run; $(nproc) cores"
echo
echo "| run | req/s | p99 | max |"
echo "|---|---:|---:|---:|"
echo "| undisturbed | $QUIET_RPS | $QUIET_P99 | $QUIET_MAX |"
echo "| while publishing | $BUSY_RPS | $BUSY_P99 | $BUSY_MAX |"
echo
echo "publication requests (ms):$PUBLISH_MS; editions 2025-01-* served by the API afterwards: $EDITIONS"

#!/usr/bin/env bash
# Throughput of the write path, lists and counts (issue 15): each jar given is started on a fresh SQLite data dir
# with the same side-by-side data (bench/side-by-side/load.mjs) and measured with the same wrk settings, one after
# the other in the same run, so a "before" and an "after" jar are compared under the same machine load.
#
# usage: bench/throughput/run.sh NAME=JAR [NAME=JAR…]      e.g. before=/tmp/before.jar after=vellum-server/target/vellum.jar
# Environment: DURATION (10s), WARMUP (5s), ITEMS (10000), TOTAL_ITEMS (100000: entries for the include_total run;
# 0 skips it), BENCH_PORT (18093), PROFILE (0; 1 records a JFR profile of the list and create runs per jar and
# prints its hottest methods; JFR runs during each measured run only), OPS (which measurements: default "list filter get create batch total"), OUT (a directory to keep wrk output and profiles in; default a temp dir, deleted).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
ITEMS=${ITEMS:-10000}
TOTAL_ITEMS=${TOTAL_ITEMS:-100000}
PORT=${BENCH_PORT:-18093}
WRK=(wrk -t2 -c16 --timeout 10s)
SIDE="$HERE/../side-by-side"
OPS=" ${OPS:-list filter get create batch total} "
want() { [[ "$OPS" == *" $1 "* ]]; }
need_wrk
[ $# -ge 1 ] || { echo "usage: $0 NAME=JAR [NAME=JAR…]" >&2; exit 2; }
TMP=$(mktemp -d /tmp/vellum-throughput-XXXX)
OUT=${OUT:-$TMP/out}
mkdir -p "$OUT"
cleanup() { stop_server; [ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"; }
trap cleanup EXIT

V=http://127.0.0.1:$PORT
VPATH=/v1/projects/bench/collections/posts/entries
AV="Authorization: Bearer $ADMIN_TOKEN"
FILTER_Q="filter=$(node -p 'encodeURIComponent(process.argv[1])' 'status = "live" and views > 100')&sort=-published_at&limit=50"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p50() { awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
             $1 == "50%" {print ms($2)}' "$1"; }
errors() { awk '/Non-2xx/ {n = $NF} /Socket errors/ {gsub(",", ""); e = $4 + $6 + $8 + $10} END {print n + 0 "/" e + 0}' "$1"; }

# measure NAME KEY wrk-args…: warm-up, then the measured run; prints one table row
measure() {
  local name=$1 key=$2 f
  shift 2
  f="$OUT/$name.$key.txt"
  BENCH_TAG="$name-$key-w" "${WRK[@]}" -d"$WARMUP" "$@" >/dev/null 2>&1 || true
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  [ "${PROFILE:-0}" = 1 ] && "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.start name=bench settings=profile >/dev/null
  local t0; t0=$(cpu_ticks "$SERVER_PID")
  BENCH_TAG="$name-$key" "${WRK[@]}" -d"$DURATION" --latency "$@" >"$f" 2>&1 || true
  local t1; t1=$(cpu_ticks "$SERVER_PID")
  if [ "${PROFILE:-0}" = 1 ]; then
    local jfr="$OUT/$name.${key// /-}.jfr"
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.stop name=bench filename="$jfr" >/dev/null
    { echo "hot methods, $name, $key:"; "$JAVA_HOME/bin/jfr" view --width 150 hot-methods "$jfr" | sed -n '4,24p'; } >>"$OUT/profiles.txt"
  fi
  # the server's CPU time (user + system) per request: what a request costs, much less sensitive to other load than req/s
  local cpu; cpu=$(awk -v t=$((t1 - t0)) -v hz="$CLK_TCK" '/requests in/ {n = $1} END {if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "-"}' "$f")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$key" "$(rps "$f")" "$(p50 "$f")" "$cpu" "$(errors "$f")" "$load"
}

start() { # start NAME JAR
  local jar=$1
  local opts="-XX:+UseSerialGC -Xss512k -Xmx256m"
  rm -rf "$TMP/data-$2"
  JAR=$jar VELLUM_JAVA_OPTS="$opts" start_server "$PORT" "$TMP/data-$2"
  curl -sf -X POST "$V/v1/projects" -H "$AV" -H 'Content-Type: application/json' -d '{"id": "bench"}' >/dev/null
  curl -sf -X POST "$V/v1/projects/bench/collections" -H "$AV" -H 'Content-Type: application/json' \
    -d @"$SIDE/vellum-collection.json" >/dev/null
}

echo "machine: $(machine); $(date -u +%Y-%m-%dT%H:%MZ); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2 -c16, warm-up $WARMUP, measured $DURATION; $ITEMS entries (side-by-side shape)"
echo
echo "| jar | operation | req/s | p50 ms | server CPU µs/request | non-2xx/socket errors | load (1 min) |"
echo "|---|---|---|---|---|---|---|"
for spec in "$@"; do
  name=${spec%%=*}; jar=${spec#*=}
  [ -f "$jar" ] || { echo "no jar $jar" >&2; exit 1; }
  start "$jar" "$name"
  node "$SIDE/load.mjs" vellum "$V$VPATH" "$ADMIN_TOKEN" "$TMP/ids-$name.txt" "$ITEMS" >/dev/null
  want list && measure "$name" "list 50" -H "$AV" "$V$VPATH?limit=50"
  want filter && measure "$name" "filtered sorted list 50" -H "$AV" "$V$VPATH?$FILTER_Q"
  want get && measure "$name" "get one" -H "$AV" -s "$SIDE/get.lua" "$V" -- "$TMP/ids-$name.txt" "$VPATH/"
  want create && measure "$name" "create" -H "$AV" -s "$SIDE/create.lua" "$V$VPATH" -- vellum
  if want batch; then
  f="$OUT/$name.batch.txt"
  BENCH_TAG="$name-batch-w" wrk -t2 -c4 --timeout 60s -d"$WARMUP" -s "$HERE/batch.lua" -H "$AV" "$V$VPATH/batch" >/dev/null 2>&1 || true
  t0=$(cpu_ticks "$SERVER_PID")
  BENCH_TAG="$name-batch" wrk -t2 -c4 --timeout 60s -d"$DURATION" --latency -s "$HERE/batch.lua" -H "$AV" "$V$VPATH/batch" >"$f" 2>&1 || true
  t1=$(cpu_ticks "$SERVER_PID")
  cpu=$(awk -v t=$((t1 - t0)) -v hz="$CLK_TCK" '/requests in/ {n = $1} END {if (n > 0) printf "%.0f per request, %.1f per entry", t / hz * 1e6 / n, t / hz * 1e3 / n; else print "-"}' "$f")
  printf '| %s | batch of 1,000 (4 connections; entries/s = req/s × 1,000) | %s | %s | %s | %s | %s |\n' "$name" "$(rps "$f")" "$(p50 "$f")" \
    "$cpu" "$(errors "$f")" "$(cut -d' ' -f1 /proc/loadavg)"
  fi
  if want total && [ "$TOTAL_ITEMS" -gt 0 ]; then
    have=$(curl -sf "$V$VPATH?limit=1&include_total=true" -H "$AV" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))')
    [ "$have" -lt "$TOTAL_ITEMS" ] && node "$SIDE/load.mjs" vellum "$V$VPATH" "$ADMIN_TOKEN" /dev/null $((TOTAL_ITEMS - have)) "$have" >/dev/null
    measure "$name" "include_total, $TOTAL_ITEMS+ entries" -H "$AV" "$V$VPATH?limit=50&include_total=true&$FILTER_Q"
  fi
  stop_server
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$OUT/profiles.txt" ]; then echo; cat "$OUT/profiles.txt"; fi

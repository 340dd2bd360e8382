#!/usr/bin/env bash
# A JFR profile of one endpoint under wrk load (issue 15 asks for the list's profile and its top frames in
# docs/benchmarks.md). Starts the jar on a fresh SQLite data dir, loads the side-by-side data (10,000 entries),
# warms up, then records JFR (method sampling at its finest, 1 ms, when `jfr configure` offers it; else the
# JDK's "profile" settings) for the measured run only, and prints the wrk summary and the top frames: by samples
# in the frame itself (self) and by samples with the frame anywhere on the stack (total).
#
# usage: bench/throughput/profile.sh [JAR]                      (default: vellum-server/target/vellum.jar, built if missing)
# Environment: QUERY ("limit=50"; e.g. 'filter=…&sort=-published_at&limit=50'), WHAT (list; "batch" profiles batches
# of 1,000 creates instead, "create" single creates), UNDER (a method, e.g. dev.vellum.changes.WriteGroups.lead: the top
# frames are also shown for only the samples with it on the stack), DURATION (20s), WARMUP (15s),
# ITEMS (10000), CONNECTIONS (16), TOP (25), BENCH_PORT (18094), OUT (keeps list.jfr and the report there;
# default: a temp dir, deleted), PROFILER (jfr; "async" samples with async-profiler instead, fetched once from Maven
# Central into ~/.cache/vellum: it sees native and kernel frames, so SQLite's own work and its system calls show, which
# JFR's Java-only samples leave out; with UNDER it groups those samples by the Vellum method that ran the statement).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
SIDE="$HERE/../side-by-side"
[ $# -ge 1 ] && JAR=$1 || build_jar
QUERY=${QUERY:-limit=50}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
ITEMS=${ITEMS:-10000}
PORT=${BENCH_PORT:-18094}
need_wrk
TMP=$(mktemp -d /tmp/vellum-profile-XXXX)
OUT=${OUT:-$TMP}
mkdir -p "$OUT"
cleanup() { stop_server; rm -rf "$TMP"; }
trap cleanup EXIT

V=http://127.0.0.1:$PORT
VE=$V/v1/projects/bench/collections/posts/entries
AV="Authorization: Bearer $ADMIN_TOKEN"
start_server "$PORT" "$TMP/data"
curl -sf -X POST "$V/v1/projects" -H "$AV" -H 'Content-Type: application/json' -d '{"id": "bench"}' >/dev/null
curl -sf -X POST "$V/v1/projects/bench/collections" -H "$AV" -H 'Content-Type: application/json' -d @"$SIDE/vellum-collection.json" >/dev/null
node "$SIDE/load.mjs" vellum "$VE" "$ADMIN_TOKEN" /dev/null "$ITEMS" >/dev/null
curl -sf "$VE?$QUERY" -H "$AV" >/dev/null || { echo "GET $VE?$QUERY failed" >&2; exit 1; }

SETTINGS=profile
if "$JAVA_HOME/bin/jfr" configure --input profile method-profiling=max --output "$TMP/sampling.jfc" >/dev/null 2>&1; then
  SETTINGS=$TMP/sampling.jfc
fi
if [ "${WHAT:-list}" = batch ]; then  # batches of 1,000 creates instead (4 connections unless CONNECTIONS says otherwise)
  WRK=(wrk -t2 -c"${CONNECTIONS:-4}" --timeout 60s -H "$AV" -s "$HERE/batch.lua" "$VE/batch" -- vellum)
  QUERY="(POST …/entries/batch, 1,000 items each)"
elif [ "${WHAT:-list}" = create ]; then  # single creates (POST …/entries, one entry each) instead
  WRK=(wrk -t2 -c"${CONNECTIONS:-16}" --timeout 10s -H "$AV" -s "$SIDE/create.lua" "$VE" -- vellum)
  QUERY="(POST …/entries, one entry each)"
else
  WRK=(wrk -t2 -c"${CONNECTIONS:-16}" --timeout 10s -H "$AV" "$VE?$QUERY")
fi
BENCH_TAG=w wrk -d"$WARMUP" "${WRK[@]:1}" >/dev/null 2>&1 || true  # the tag keeps created slugs apart between runs
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "${PROFILER:-jfr}" = async ]; then
  AP_VERSION=4.1
  AP_LIB=$HOME/.cache/vellum/async-profiler-$AP_VERSION/linux-x64/libasyncProfiler.so
  if [ ! -f "$AP_LIB" ]; then
    "$ROOT/mvnw" -q -B -ntp dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION" >/dev/null
    mkdir -p "$(dirname "$(dirname "$AP_LIB")")"
    (cd "$(dirname "$(dirname "$AP_LIB")")" && unzip -q -o "$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar" 'linux-x64/*')
  fi
  # the agent's options go as one quoted argument: jcmd would split them at the commas
  "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JVMTI.agent_load "$AP_LIB" "\"start,event=cpu,interval=1000000,threads\"" >/dev/null
  BENCH_TAG=m wrk -d"$DURATION" --latency "${WRK[@]:1}" >"$OUT/wrk.txt" 2>&1 || true
  "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JVMTI.agent_load "$AP_LIB" "\"stop,file=$OUT/stacks.collapsed,collapsed\"" >/dev/null
  SETTINGS="async-profiler $AP_VERSION, cpu, 1 ms"
else
  "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.start name=bench settings="$SETTINGS" >/dev/null
  BENCH_TAG=m wrk -d"$DURATION" --latency "${WRK[@]:1}" >"$OUT/wrk.txt" 2>&1 || true
  "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.stop name=bench filename="$OUT/list.jfr" >/dev/null
fi
{
  echo "GET …/entries?$QUERY (WHAT=${WHAT:-list}), $ITEMS entries; wrk -t2 -c${CONNECTIONS:-16}, $DURATION after a $WARMUP warm-up; $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(machine); load average $LOAD at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; profiler: $(basename "$SETTINGS")"
  read -r rps p50 p99 non err reqs < <(parse_wrk "$OUT/wrk.txt")
  echo "wrk: $rps req/s, p50 $p50 ms, p99 $p99 ms, $reqs requests, non-2xx $non, socket errors $err"
  echo
  if [ "${PROFILER:-jfr}" = async ]; then
    node "$HERE/collapsed-top.mjs" "${TOP:-25}" ${UNDER:+"$UNDER"} <"$OUT/stacks.collapsed"
  else
    "$JAVA_HOME/bin/jfr" print --json --stack-depth 64 --events jdk.ExecutionSample "$OUT/list.jfr" | node "$HERE/jfr-top.mjs" "${TOP:-25}"
    if [ -n "${UNDER:-}" ]; then  # the same, only of the samples with UNDER on the stack (e.g. the group-commit leader's work)
      echo "Only samples under $UNDER:"; echo
      "$JAVA_HOME/bin/jfr" print --json --stack-depth 64 --events jdk.ExecutionSample "$OUT/list.jfr" | node "$HERE/jfr-top.mjs" "${TOP:-25}" "$UNDER"
    fi
  fi
} | tee "$OUT/report.txt"
[ "$OUT" = "$TMP" ] || echo "kept the profile and $OUT/report.txt in $OUT" >&2

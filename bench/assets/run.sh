#!/usr/bin/env bash
# Asset benchmarks (docs/benchmarks.md, "Assets"): 1 MiB uploads at 8 connections, a 12-megapixel JPEG to an
# 800 px variant (first and cached), a cached ~200 KB asset at 16 connections, and the heap through a 1 GiB upload.
# Usage: bench/assets/run.sh [seconds per wrk run, default 15] [MiB of the big upload, default 1024]
# The jar is rebuilt from this checkout first (SKIP_BUILD=1 uses vellum-server/target/vellum.jar as it is).
# A quick check that everything runs: bench/assets/run.sh 1 16
. "$(dirname "$0")/../lib.sh"
SECS=${1:-15}
BIG_MB=${2:-1024}
need_wrk
if [ "${SKIP_BUILD:-0}" = 1 ]; then build_jar; else "$ROOT/mvnw" -q -B -o package -DskipTests -pl vellum-server -am >&2; fi
WORK=$(mktemp -d /tmp/vellum-assets-bench.XXXX)
PORT=${PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
BASE="http://127.0.0.1:$PORT"
echo "machine: $(machine)"
echo "load before: $(cat /proc/loadavg)"
"$JAVA_HOME/bin/java" "$ROOT/bench/assets/MakeFiles.java" "$WORK/files" 1 "$BIG_MB"
start_server "$PORT" "$WORK/data" VELLUM_ASSET_MAX_BYTES=2147483648 VELLUM_LOG_FORMAT=text
trap 'stop_server; rm -rf "$WORK"' EXIT
echo "server ready in ${READY_MS} ms"
curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d '{"id":"bench"}' "$BASE/v1/projects" >/dev/null
TOKEN=$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench","scope":"write"}' \
  "$BASE/v1/projects/bench/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
export TOKEN
upload() { # upload FILE NAME → the JSON answer
  curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" -T "$1" -X POST "$BASE/v1/projects/bench/assets?filename=$2"
}
url_of() { sed 's/.*"url":"\([^"]*\)".*/\1/'; }

echo; echo "== 1 MiB uploads, 8 connections, ${SECS}s (after a 5 s warm-up) =="
wrk -t2 -c8 -d5s -s "$ROOT/bench/assets/upload.lua" "$BASE/v1/projects/bench/assets?filename=warm.jpg" -- "$WORK/files/upload-0.jpg" >/dev/null
wrk -t2 -c8 -d"${SECS}s" --latency -s "$ROOT/bench/assets/upload.lua" "$BASE/v1/projects/bench/assets?filename=up.jpg" -- "$WORK/files/upload-0.jpg"

echo; echo "== 12-megapixel JPEG → 800 px variant =="
PHOTO=$(upload "$WORK/files/photo-12mp.jpg" photo.jpg | url_of)
ls -l "$WORK/files/photo-12mp.jpg" | awk '{print "source bytes:", $5}'
for w in 600 610 620 630 640 650 660 670; do # warm-up: the JIT compiles the decode and scale path (other sizes, not measured)
  curl -s -o /dev/null "$BASE$PHOTO?w=$w"
done
for q in 80 81 82 83 84; do # each quality is a new variant: made on this request
  curl -s -o /dev/null -w "first  w=800 q=$q: %{time_total}s (HTTP %{http_code}, %{size_download} bytes)\n" "$BASE$PHOTO?w=800&q=$q"
done
for i in 1 2 3; do
  curl -s -o /dev/null -w "cached w=800 q=82: %{time_total}s (HTTP %{http_code})\n" "$BASE$PHOTO?w=800&q=82"
done
wrk -t1 -c1 -d"${SECS}s" --latency "$BASE$PHOTO?w=800&q=82" | grep -E "Latency|50%|99%|Requests/sec"

echo; echo "== cached ~200 KB asset, 16 connections, ${SECS}s =="
SMALL=$(upload "$WORK/files/small-200k.jpg" small.jpg | url_of)
ls -l "$WORK/files/small-200k.jpg" | awk '{print "asset bytes:", $5}'
wrk -t2 -c16 -d5s "$BASE$SMALL" >/dev/null # warm-up
wrk -t2 -c16 -d"${SECS}s" --latency "$BASE$SMALL"

echo; echo "== heap through a ${BIG_MB} MiB upload =="
# used heap in MiB (young + old generation), as the JVM reports it
heap() { "$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info 2>/dev/null | awk '/used/ && /total/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); s+=v}} END {printf "%.0f", s/1024}'; }
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null
BEFORE=$(heap); PEAK=$BEFORE
upload "$WORK/files/big.mp3" big.mp3 > "$WORK/big.json" &
UP=$!
while kill -0 $UP 2>/dev/null; do h=$(heap); [ "$h" -gt "$PEAK" ] && PEAK=$h; sleep 0.2; done
wait $UP
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null
AFTER=$(heap)
echo "upload answer: $(cut -c1-160 "$WORK/big.json")"
echo "heap used (MiB): before ${BEFORE} (after a GC), peak while uploading ${PEAK}, after ${AFTER} (after a GC); peak growth $((PEAK - BEFORE)) MiB"
echo "server RSS: $(rss_mb "$SERVER_PID") MB"
echo; echo "load after: $(cat /proc/loadavg)"

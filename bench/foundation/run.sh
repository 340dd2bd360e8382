#!/usr/bin/env bash
# Foundation figures (issue 2): GET one entry, single creates, batch creates (wrk, 16 keep-alive connections),
# start-to-ready time, and resident memory after a 100,000-entry load. SQLite, loopback.
. "$(dirname "$0")/../lib.sh"
need_wrk
build_jar
PORT=${PORT:-18090}
DURATION=${DURATION:-15s}
DIR=$(mktemp -d /tmp/vellum-bench-XXXX)
trap 'stop_server; rm -rf "$DIR" "$DIR.log"' EXIT
V=http://127.0.0.1:$PORT
start_server "$PORT" "$DIR/data"
echo "start to ready: ${READY_MS} ms (process spawn → /readyz 200)"

A="Authorization: Bearer $ADMIN_TOKEN"
J="Content-Type: application/json"
curl -sf -X POST $V/v1/projects -H "$A" -H "$J" -d '{"id": "bench"}' >/dev/null
curl -sf -X POST $V/v1/projects/bench/collections -H "$A" -H "$J" -d '{"id": "posts", "slug_from": "title", "fields": [
  {"id": "title", "type": "text", "required": true}, {"id": "views", "type": "number", "integer": true},
  {"id": "status", "type": "enum", "options": ["draft", "live"]}, {"id": "score", "type": "number"},
  {"id": "featured", "type": "boolean"}, {"id": "published_at", "type": "date"}, {"id": "tint", "type": "color"},
  {"id": "site", "type": "link"}, {"id": "summary", "type": "text"}, {"id": "tags", "type": "multi_enum", "options": ["a","b","x"]}]}' >/dev/null
E=$V/v1/projects/bench/collections/posts/entries
ID=$(curl -sf -X POST $E -H "$A" -H "$J" -d '{"fields": {"title": "First", "views": 1, "status": "live"}}' | sed -E 's/.*"id":"([0-9A-Z]{26})".*/\1/')

echo; echo "== GET one entry (16 connections, $DURATION)"
wrk -t2 -c16 -d"$DURATION" --latency -H "$A" "$E/$ID" | tee "$DIR/get.txt"
echo; echo "== create one entry per request (16 connections, $DURATION)"
wrk -t2 -c16 -d"$DURATION" --latency -H "$A" -s "$(dirname "$0")/create.lua" "$E" | tee "$DIR/create.txt"
echo; echo "== batch create, 1,000 entries per request (16 connections, $DURATION)"
wrk -t2 -c16 -d"$DURATION" --latency --timeout 30s -H "$A" -s "$(dirname "$0")/batch.lua" "$E/batch" | tee "$DIR/batch.txt"
batch_rps=$(awk '/Requests\/sec/ {print $2}' "$DIR/batch.txt")
echo "batch create: $(awk -v r="$batch_rps" 'BEGIN {printf "%.0f", r * 1000}') entries/s"

total=$(curl -sf "$E?limit=1&include_total=true" -H "$A" | sed -E 's/.*"total":([0-9]+).*/\1/')
while [ "$total" -lt 100000 ]; do
  body=$(awk -v n="$total" 'BEGIN { printf "{\"entries\": ["; for (i = 0; i < 1000; i++) { printf "%s{\"slug\": \"fill-%d-%d\", \"fields\": {\"title\": \"Fill %d\", \"views\": %d}}", (i ? "," : ""), n, i, i, i } printf "]}" }')
  curl -sf -X POST "$E/batch" -H "$A" -H "$J" -d "$body" >/dev/null
  total=$(curl -sf "$E?limit=1&include_total=true" -H "$A" | sed -E 's/.*"total":([0-9]+).*/\1/')
done
echo; echo "entries stored: $total; resident memory: $(rss_mb "$SERVER_PID") MB (JVM heap capped at 256 MB by the launcher's default options)"
echo "machine: $(machine)"

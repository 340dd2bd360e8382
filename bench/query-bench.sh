#!/usr/bin/env bash
# Query engine benchmark (docs/benchmarks.md, "Query engine").
# Starts a Vellum server on an empty temp data dir (SQLite; set BENCH_DATABASE_URL=jdbc:postgresql://… for an empty
# PostgreSQL database instead), loads 100,000 entries with 10 fields through the batch endpoint (1,000 per call),
# then measures with wrk over 16 keep-alive connections:
#   1. the filtered, sorted first page   filter=status = "live" and views > 100, sort=-published_at, limit=50
#   2. the 100th page of the same query, by cursor (cursors fetched by walking the pages first)
#   3. the first page with include_total=true
# and prints req/s, wrk's latency percentiles and the server-side median (duration_ms in the access log).
# Usage: bench/query-bench.sh [seconds per run, default 20]   (BENCH_KEEP=1 keeps the temp data dir and server log)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
entries=100000
port=${BENCH_PORT:-18431}
token=bench-admin-token-0123456789
work=$(mktemp -d /tmp/vellum-bench.XXXXXX)
base="http://127.0.0.1:$port"
server_pid=

cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need jq || ! need curl || ! need gawk; then
  echo "installing wrk, jq, curl, gawk…" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk jq curl gawk >&2
fi

echo "building the server jar…" >&2
(cd "$here" && ./mvnw -q -B package -DskipTests -pl vellum-server -am >&2)
. "$here/.mvn/find-jdk.sh"

java_opts=${VELLUM_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=4 -Xmx256m}
echo "starting the server ($java_opts) with data in $work…" >&2
VELLUM_PORT=$port VELLUM_HOST=127.0.0.1 VELLUM_DATA_DIR="$work/data" VELLUM_BOOTSTRAP_TOKEN=$token \
  VELLUM_RATE_LIMIT_PER_MINUTE=0 VELLUM_LOG_FORMAT=json VELLUM_DATABASE_URL="${BENCH_DATABASE_URL:-}" \
  "$JAVA_HOME/bin/java" $java_opts --enable-native-access=ALL-UNNAMED -jar "$here/vellum-server/target/vellum.jar" serve \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "$base/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$base/readyz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

api() { # method path [body]
  curl -fsS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$base$2"
}
api POST /v1/projects '{"id": "bench"}' >/dev/null
api POST /v1/projects/bench/collections '{"id": "articles", "fields": [
  {"id": "title", "type": "text"}, {"id": "status", "type": "enum", "options": ["draft", "live", "archived"]},
  {"id": "views", "type": "number", "integer": true}, {"id": "published_at", "type": "date"},
  {"id": "author", "type": "text"}, {"id": "rating", "type": "number"}, {"id": "featured", "type": "boolean"},
  {"id": "tags", "type": "multi_enum", "options": ["java", "go", "rust", "web", "data"]},
  {"id": "summary", "type": "text"}, {"id": "word_count", "type": "number", "integer": true}]}' >/dev/null
read_token=$(api POST /v1/projects/bench/tokens '{"name": "site", "scope": "read"}' | jq -r .token)

echo "loading $entries entries (1,000 per batch call)…" >&2
load_started=$(date +%s.%N)
for b in $(seq 0 $((entries / 1000 - 1))); do
  gawk -v b="$b" 'BEGIN {
    srand(20261121 + b); split("draft live archived", st, " "); split("java go rust web data", tg, " ")
    printf "{\"mode\": \"create\", \"entries\": ["
    for (i = 0; i < 1000; i++) {
      r = rand(); s = r < 0.6 ? "live" : (r < 0.85 ? "draft" : "archived")
      t = 1577836800 + int(rand() * 215000000)
      tags = ""; for (k = 1; k <= 5; k++) if (rand() < 0.3) tags = tags (tags == "" ? "" : ",") "\"" tg[k] "\""
      printf "%s{\"slug\": \"a-%d-%d\", \"fields\": {\"title\": \"Article %d-%d about things\", \"status\": \"%s\", \"views\": %d, \"published_at\": \"%s\", \"author\": \"Author %d\", \"rating\": %.2f, \"featured\": %s, \"tags\": [%s], \"summary\": \"A summary of article %d with some words in it\", \"word_count\": %d}}", \
        (i ? ", " : ""), b, i, b, i, s, int(rand() * 1000), strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), int(rand() * 200), rand() * 5, (rand() < 0.1 ? "true" : "false"), tags, b * 1000 + i, 200 + int(rand() * 3000)
    }
    printf "]}"
  }' >"$work/batch.json"
  curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$work/batch.json" \
    "$base/v1/projects/bench/collections/articles/entries/batch" | jq -e '[.results[] | select(.status != "created")] | length == 0' >/dev/null
done
load_seconds=$(awk -v a="$load_started" -v b="$(date +%s.%N)" 'BEGIN { printf "%d", b - a }')

list="$base/v1/projects/bench/collections/articles/entries"
query="filter=$(jq -rn --arg f 'status = "live" and views > 100' '$f | @uri')&sort=-published_at&limit=50"
auth="Authorization: Bearer $read_token"

echo "walking 99 pages to get the cursor of page 100…" >&2
cursor=
for _ in $(seq 1 99); do
  cursor=$(curl -fsS -H "$auth" "$list?$query${cursor:+&cursor=$cursor}" | jq -r .next_cursor)
done
total=$(curl -fsS -H "$auth" "$list?$query&include_total=true" | jq .total)

median_since() { # line number → median duration_ms of list requests logged after it
  tail -n +"$(( $1 + 1 ))" "$work/server.log" | grep '"route":"/v1/projects/{p}/collections/{c}/entries"' \
    | jq -r .duration_ms | sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

run() { # name url [connections]
  local c=${3:-16}
  wrk -t2 -c16 -d5s -H "$auth" "$2" >/dev/null # warm-up
  local before; before=$(wc -l <"$work/server.log")
  local out; out=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${seconds}s" --latency -H "$auth" "$2")
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  local p; p=$(echo "$out" | awk '/Latency Distribution/ { on = 1; next } on && /%/ { printf "%s %s / ", $1, $2 } /requests in/ { on = 0 }')
  local errors; errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ { print }')
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "the server is gone; its log ends:" >&2; tail -20 "$work/server.log" >&2; exit 1; fi
  printf '| %s | %s | %s | %s ms |%s\n' "$1" "$rps" "${p% / }" "$(median_since "$before")" "${errors:+ $errors}"
}

{
  echo "Date: $(date -u +%Y-%m-%d). Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ { print $2 }') GB RAM; load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); server options: $java_opts." \
    "Database: $([ -n "${BENCH_DATABASE_URL:-}" ] && echo PostgreSQL || echo "SQLite (embedded)")."
  echo "Loaded $entries entries (10 fields) in ${load_seconds%.*} s; the filter matches $total of them. wrk: 2 threads, 16 connections (unless noted), ${seconds} s per run after a 5 s warm-up; read token."
  echo
  echo "| query | req/s | wrk latency percentiles | server median |"
  echo "|---|---|---|---|"
  run "first page" "$list?$query"
  run "page 100 (cursor)" "$list?$query&cursor=$cursor"
  run "first page + include_total" "$list?$query&include_total=true"
  run "first page + include_total, 1 connection" "$list?$query&include_total=true" 1
} | tee "$work/result.md"

#!/usr/bin/env bash
# Admin UI benchmark (docs/benchmarks.md, "Admin UI").
# Starts a Vellum server on an empty temp data dir (SQLite; BENCH_DATABASE_URL=jdbc:postgresql://… for PostgreSQL),
# loads 100,000 entries into one collection through the batch endpoint (1,000 per call), then requests every admin
# page N times in a row with a signed-in session cookie and reports the server-side time of each (duration_ms in
# the access log: median, 95th percentile, max) and its weight. "First load" of the entries screen = its HTML +
# the stylesheet + the script; later navigations fetch only the HTML (the assets are cached as immutable).
# Every admin screen is measured, the Directus connection screens too: with BENCH_DIRECTUS=1 the script starts a real
# Directus 12.4.0 of its own (installed by .ci/directus.sh, temp SQLite data), or give a running one with BENCH_DIRECTUS_URL
# and BENCH_DIRECTUS_TOKEN; a connection is made with "create new" (Directus collection bench_articles, dropped at the end)
# and its screens are measured. Without either, only the connections list is.
# Usage: bench/admin-bench.sh [requests per page, default 30]   (BENCH_KEEP=1 keeps the temp dir; BENCH_ENTRIES=1000 for a
# quick check that the script works)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-30}
entries=${BENCH_ENTRIES:-100000}
port=${BENCH_PORT:-18432}
token=bench-admin-token-0123456789
work=$(mktemp -d /tmp/vellum-admin-bench.XXXXXX)
base="http://127.0.0.1:$port"
server_pid=
directus_pid=

cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$directus_pid" ]; then kill "$directus_pid" 2>/dev/null || true; wait "$directus_pid" 2>/dev/null || true; fi
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need jq || ! need curl || ! need gawk; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq curl gawk >&2
fi
[ -f "$here/vellum-server/target/vellum.jar" ] || (cd "$here" && ./mvnw -q -B package -DskipTests -pl vellum-server -am >&2)
. "$here/.mvn/find-jdk.sh"

if [ "${BENCH_DIRECTUS:-}" = 1 ] && [ -z "${BENCH_DIRECTUS_URL:-}" ]; then # a Directus of our own, as bench/sync.sh starts it
  "$here/.ci/directus.sh" >&2
  dhome="${VELLUM_DIRECTUS_HOME:-$HOME/.cache/vellum/directus-12.4.0}"
  mkdir -p "$work/directus/uploads" "$work/directus/extensions"
  dport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BENCH_DIRECTUS_URL="http://127.0.0.1:$dport"; BENCH_DIRECTUS_TOKEN="bench-directus-token-$(date +%s)"
  denv=(CONFIG_PATH="$work/directus/none.env" HOST=127.0.0.1 PORT=$dport PUBLIC_URL=$BENCH_DIRECTUS_URL DB_CLIENT=sqlite3
    DB_FILENAME="$work/directus/data.db" KEY=bench SECRET=bench-secret-0123456789abcdef0123456789 ADMIN_EMAIL=admin@example.com
    ADMIN_PASSWORD=bench-password ADMIN_TOKEN=$BENCH_DIRECTUS_TOKEN TELEMETRY=false TELEMETRY_URL=http://127.0.0.1:9
    COMPLIANCE_URL=http://127.0.0.1:9 MARKETPLACE_REGISTRY=http://127.0.0.1:9 PROJECT_OWNER_ENABLED=false AI_ENABLED=false
    MCP_ENABLED=false STORAGE_LOCATIONS=local STORAGE_LOCAL_ROOT="$work/directus/uploads" EXTENSIONS_PATH="$work/directus/extensions"
    RATE_LIMITER_ENABLED=false LOG_LEVEL=warn CACHE_ENABLED=false)
  (cd "$dhome" && env "${denv[@]}" node node_modules/@directus/api/dist/cli/run.js bootstrap >"$work/directus/bootstrap.log" 2>&1)
  (cd "$dhome" && exec env "${denv[@]}" node node_modules/@directus/api/dist/cli/run.js start >"$work/directus/directus.log" 2>&1) &
  directus_pid=$!
  for _ in $(seq 1 600); do curl -fsS "$BENCH_DIRECTUS_URL/server/ping" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$BENCH_DIRECTUS_URL/server/ping" >/dev/null || { cat "$work/directus/directus.log" >&2; exit 1; }
fi

java_opts=${VELLUM_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx256m}
VELLUM_PORT=$port VELLUM_HOST=127.0.0.1 VELLUM_DATA_DIR="$work/data" VELLUM_BOOTSTRAP_TOKEN=$token \
  VELLUM_RATE_LIMIT_PER_MINUTE=0 VELLUM_LOG_FORMAT=json VELLUM_DATABASE_URL="${BENCH_DATABASE_URL:-}" \
  VELLUM_OUTBOUND_ALLOWLIST=127.0.0.1,localhost \
  "$JAVA_HOME/bin/java" $java_opts --enable-native-access=ALL-UNNAMED -jar "$here/vellum-server/target/vellum.jar" serve \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "$base/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$base/readyz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

api() { curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$base$2"; }
api POST /v1/projects '{"id": "bench"}' >/dev/null
api POST /v1/projects/bench/collections '{"id": "articles", "slug_from": "title", "fields": [
  {"id": "title", "type": "text", "required": true}, {"id": "status", "type": "enum", "options": ["draft", "live", "archived"]},
  {"id": "views", "type": "number", "integer": true}, {"id": "published_at", "type": "date"},
  {"id": "body", "type": "rich_text"}, {"id": "cover", "type": "image"}, {"id": "featured", "type": "boolean"}]}' >/dev/null

echo "loading $entries entries…" >&2
for b in $(seq 0 $((entries / 1000 - 1))); do
  gawk -v b="$b" 'BEGIN { srand(20261126 + b); printf "{\"mode\": \"create\", \"entries\": ["
    for (i = 0; i < 1000; i++) {
      r = rand(); s = r < 0.6 ? "live" : (r < 0.85 ? "draft" : "archived")
      printf "%s{\"draft\": %s, \"fields\": {\"title\": \"Article %d-%d about things\", \"status\": \"%s\", \"views\": %d, \"published_at\": \"%s\", \"body\": {\"html\": \"<p>Some <b>text</b> of article %d.</p>\"}, \"featured\": %s}}", \
        (i ? ", " : ""), (s == "draft" ? "true" : "false"), b, i, s, int(rand() * 1000), strftime("%Y-%m-%dT%H:%M:%SZ", 1577836800 + int(rand() * 215000000), 1), i, (rand() < 0.1 ? "true" : "false")
    }
    printf "]}" }' >"$work/batch.json"
  curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$work/batch.json" \
    "$base/v1/projects/bench/collections/articles/entries/batch" >/dev/null
done
one=$(api GET "/v1/projects/bench/collections/articles/entries?limit=1" | jq -r '.data[0].id')
cursor=$(api GET "/v1/projects/bench/collections/articles/entries?limit=50&sort=-views" | jq -r .next_cursor)
enc() { jq -rn --arg v "$1" '$v | @uri'; }

# Operations to show on their screens: a webhook, an inbound hook, an import (a small CSV), a connection to Directus.
# (to loopback, on an event the bench never fires: no deliveries run while pages are measured)
api POST /v1/projects/bench/webhooks '{"url": "http://127.0.0.1:9/bench", "events": ["site.published"]}' >/dev/null
hook=$(api POST /v1/projects/bench/inbound-hooks '{"collection": "articles", "upsert_key": "slug", "mapping": {"title": "/title", "slug": "/slug"}}' | jq -r .id)
printf 'id,title\n1,Imported one\n2,Imported two\n' >"$work/rows.csv"
asset=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
  --data-binary @"$work/rows.csv" "$base/v1/projects/bench/assets?filename=rows.csv" | jq -r .id)
import=$(api POST "/v1/projects/bench/imports?wait=true" "{\"kind\": \"csv\", \"source\": {\"asset\": \"$asset\"}, \"options\": {\"collection\": \"articles\"}}" | jq -r .id)
connection=
if [ -n "${BENCH_DIRECTUS_URL:-}" ]; then
  connection=$(api POST /v1/projects/bench/connections "{\"collection\": \"articles\", \"url\": \"$BENCH_DIRECTUS_URL\",
    \"token\": \"$BENCH_DIRECTUS_TOKEN\", \"remote_collection\": \"bench_articles\", \"create_remote\": true}" | jq -r .id)
  run=$(api POST "/v1/projects/bench/connections/$connection/sync?wait=true" '{"direction": "pull"}' | jq -r .id)
  if [ -z "$directus_pid" ]; then # someone else's Directus: leave it as it was
    drop_directus() { curl -fsS -X DELETE -H "Authorization: Bearer $BENCH_DIRECTUS_TOKEN" "$BENCH_DIRECTUS_URL/collections/bench_articles" >/dev/null || true; }
    trap 'drop_directus; cleanup' EXIT
  fi
fi

cookie="Cookie: vellum_admin=$token"
stats() { # route template → "median | p95 | max" of duration_ms of the requests logged after line $2
  tail -n +"$(( $2 + 1 ))" "$work/server.log" | grep -F "\"route\":\"$1\"" | jq -r .duration_ms | sort -n \
    | awk '{ v[NR] = $1 } END { if (!NR) { print "– | – | –"; exit } printf "%.1f ms | %.1f ms | %.1f ms", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.999)], v[NR] }'
}
page() { # name route-template path
  curl -fsS -H "$cookie" "$base$3" >/dev/null # warm-up
  local before; before=$(wc -l <"$work/server.log")
  local size=0
  for _ in $(seq 1 "$n"); do size=$(curl -fsS -o /dev/null -w '%{size_download}' -H "$cookie" "$base$3"); done
  sleep 0.2
  printf '| %s | %s | %s KB |\n' "$1" "$(stats "$2" "$before")" "$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1024 }')"
}

css=$(curl -fsS "$base/admin/sign-in" | grep -o '/admin/static/admin.css?v=[0-9a-f]*')
js=$(curl -fsS "$base/admin/sign-in" | grep -o '/admin/static/admin.js?v=[0-9a-f]*')
css_bytes=$(curl -fsS -o /dev/null -w '%{size_download}' "$base$css")
js_bytes=$(curl -fsS -o /dev/null -w '%{size_download}' "$base$js")
html_bytes=$(curl -fsS -o /dev/null -w '%{size_download}' -H "$cookie" "$base/admin/p/bench/c/articles")
later_bytes=$(curl -fsS -o /dev/null -w '%{size_download}' -H "$cookie" "$base/admin/p/bench/c/articles?sort=-views&cursor=$(enc "$cursor")")
cache=$(curl -fsS -D - -o /dev/null "$base$css" | tr -d '\r' | awk -F': ' 'tolower($1) == "cache-control" { print $2 }')

{
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ { print $2 }') GB RAM; load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); server options: $java_opts;" \
    "database: $([ -n "${BENCH_DATABASE_URL:-}" ] && echo PostgreSQL || echo "SQLite (embedded)"); $entries entries in the collection;" \
    "$n sequential requests per page after one warm-up, signed in as the instance admin."
  echo
  echo "| page | server median | p95 | max | HTML |"
  echo "|---|---:|---:|---:|---:|"
  page "projects (counts every collection)" "/admin/projects" "/admin/projects"
  page "project" "/admin/p/{p}" "/admin/p/bench"
  page "entries, first page (with total)" "/admin/p/{p}/c/{c}" "/admin/p/bench/c/articles"
  page "entries, filtered and sorted" "/admin/p/{p}/c/{c}" "/admin/p/bench/c/articles?filter=$(enc 'status = "live" and views > 500')&sort=-published_at"
  page "entries, later page (cursor)" "/admin/p/{p}/c/{c}" "/admin/p/bench/c/articles?sort=-views&cursor=$(enc "$cursor")"
  page "entry form (edit)" "/admin/p/{p}/c/{c}/e/{id}" "/admin/p/bench/c/articles/e/$one"
  page "entry form (new)" "/admin/p/{p}/c/{c}/new" "/admin/p/bench/c/articles/new"
  page "schema designer" "/admin/p/{p}/c/{c}/schema" "/admin/p/bench/c/articles/schema"
  page "tokens" "/admin/p/{p}/tokens" "/admin/p/bench/tokens"
  page "reference lookup (JSON)" "/admin/p/{p}/c/{c}/lookup" "/admin/p/bench/c/articles/lookup?q=$(enc '12-3')"
  page "assets" "/admin/p/{p}/assets" "/admin/p/bench/assets"
  page "webhooks" "/admin/p/{p}/webhooks" "/admin/p/bench/webhooks"
  page "inbound hooks" "/admin/p/{p}/hooks" "/admin/p/bench/hooks"
  page "inbound hook request log" "/admin/p/{p}/hooks/{id}" "/admin/p/bench/hooks/$hook"
  page "publish" "/admin/p/{p}/publish" "/admin/p/bench/publish"
  page "imports" "/admin/p/{p}/imports" "/admin/p/bench/imports"
  page "import (progress and item log)" "/admin/p/{p}/imports/{id}" "/admin/p/bench/imports/$import"
  page "Directus connections" "/admin/p/{p}/connections" "/admin/p/bench/connections"
  if [ -n "$connection" ]; then
    page "Directus connection (sync screen)" "/admin/p/{p}/connections/{id}" "/admin/p/bench/connections/$connection"
    page "Directus sync run" "/admin/p/{p}/connections/{id}/runs/{run}" "/admin/p/bench/connections/$connection/runs/$run"
    page "Directus conflicts" "/admin/p/{p}/connections/{id}/conflicts" "/admin/p/bench/connections/$connection/conflicts"
    page "Directus reconfigure" "/admin/p/{p}/connections/{id}/configure" "/admin/p/bench/connections/$connection/configure"
    page "Directus reconfigure, asking Directus again (3 Directus calls)" "/admin/p/{p}/connections/{id}/configure" \
      "/admin/p/bench/connections/$connection/configure?refresh=true"
  fi
  echo
  echo "Entries screen weight (uncompressed): first load $(( (html_bytes + css_bytes + js_bytes) / 1024 )) KB" \
    "(HTML $(( html_bytes / 1024 )) KB + CSS $(( css_bytes / 1024 )) KB + script $(( js_bytes / 1024 )) KB);" \
    "a later navigation (next page) $(( later_bytes / 1024 )) KB of HTML, the assets being cached ($cache)."
} | tee "$work/result.md"

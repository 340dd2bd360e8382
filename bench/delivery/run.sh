#!/usr/bin/env bash
# Delivery API figures (issue 14): a GraphQL query for 50 posts with author and category against Vellum's REST list
# of the same 50 posts (the ratio is the figure), side by side with Directus' GraphQL for the same query on the same
# machine in the same run; a 304 revalidation of a list (If-None-Match), wrk -t2 -c16, read token on Vellum; and
# full-text searches over SEARCH_ENTRIES articles with a filter and a sort (the median is the figure), wrk -t1 -c1.
# Environment: DURATION (10s), WARMUP (5s), POSTS (5000), SEARCH_ENTRIES (100000), BENCH_VELLUM_PORT (18092),
# BENCH_DIRECTUS_PORT (18056), DIRECTUS_HOME (~/.cache/vellum/directus-12.4.0, installed by .ci/directus.sh or
# bench/side-by-side/run.sh when missing), DIRECTUS (on; "off" measures Vellum alone), SEARCH_ENTRIES=0 skips the
# searches, VELLUM_JAR (the built jar; e.g. a copy taken before a change), PROFILE_DIR (when set: a JFR recording of
# Vellum during the measured GraphQL run is kept there as gql.jfr, with its top frames in gql-profile.txt), ONLY
# (empty: everything; "search": only the full-text searches, without Directus, the posts, GraphQL, REST and 304 runs).
# The jar is built only when missing: rebuild it after pulling.
# Smoke test: POSTS=200 SEARCH_ENTRIES=2000 DURATION=2s WARMUP=1s bench/delivery/run.sh
# GraphQL against REST only, e.g. before/after a change: DIRECTUS=off SEARCH_ENTRIES=0 VELLUM_JAR=/tmp/before.jar bench/delivery/run.sh
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
POSTS=${POSTS:-5000}
SEARCH_ENTRIES=${SEARCH_ENTRIES:-100000}
VPORT=${BENCH_VELLUM_PORT:-18092}
DPORT=${BENCH_DIRECTUS_PORT:-18056}
DX_HOME=${DIRECTUS_HOME:-$HOME/.cache/vellum/directus-12.4.0}
DX_TOKEN=bench-directus-admin-token-0123456789
DIRECTUS=${DIRECTUS:-on}
ONLY=${ONLY:-}
case "$ONLY" in ""|search) ;; *) echo "ONLY is empty or search, not $ONLY" >&2; exit 2 ;; esac
[ "$ONLY" = search ] && DIRECTUS=off
if [ "$DIRECTUS" != off ]; then
  [ -f "$DX_HOME/node_modules/@directus/api/dist/cli/run.js" ] || { echo "Directus 12.4.0 is not in $DX_HOME: run bench/side-by-side/run.sh once" >&2; exit 1; }
fi
need_wrk
if [ -n "${VELLUM_JAR:-}" ]; then JAR=$VELLUM_JAR; else build_jar; fi
TMP=$(mktemp -d /tmp/vellum-delivery-bench-XXXX)
DX_PID=
cleanup() { set +e; stop_server; [ -n "$DX_PID" ] && kill "$DX_PID" 2>/dev/null && wait "$DX_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

V=http://127.0.0.1:$VPORT
start_server "$VPORT" "$TMP/vellum" VELLUM_ACCESS_LOG_LEVEL=OFF
VELLUM_PID=$SERVER_PID
D=http://127.0.0.1:$DPORT
if [ "$DIRECTUS" != off ]; then
  mkdir -p "$TMP/directus/uploads" "$TMP/directus/extensions"
  DX_ENV=(env -i PATH="$PATH" HOME="$HOME" NODE_ENV=production CONFIG_PATH="$TMP/directus/none.env" HOST=127.0.0.1 PORT="$DPORT"
    PUBLIC_URL="$D" DB_CLIENT=sqlite3 DB_FILENAME="$TMP/directus/data.db" KEY=bench-directus-key-0123456789abcdef
    SECRET=bench-directus-secret-0123456789abcdef0123 ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=bench-directus-password
    ADMIN_TOKEN="$DX_TOKEN" TELEMETRY=false TELEMETRY_URL=http://127.0.0.1:9 COMPLIANCE_URL=http://127.0.0.1:9
    MARKETPLACE_REGISTRY=http://127.0.0.1:9 PROJECT_OWNER_ENABLED=false AI_ENABLED=false MCP_ENABLED=false STORAGE_LOCATIONS=local
    STORAGE_LOCAL_ROOT="$TMP/directus/uploads" EXTENSIONS_PATH="$TMP/directus/extensions" CACHE_ENABLED=false CACHE_SCHEMA=true
    RATE_LIMITER_ENABLED=false LOG_LEVEL=warn)
  RUN=node_modules/@directus/api/dist/cli/run.js
  (cd "$DX_HOME" && "${DX_ENV[@]}" node "$RUN" bootstrap) >"$TMP/directus-bootstrap.log" 2>&1
  (cd "$DX_HOME" && exec "${DX_ENV[@]}" node "$RUN" start) >"$TMP/directus.log" 2>&1 &
  DX_PID=$!
  for i in $(seq 1 900); do curl -sf "$D/server/ping" >/dev/null 2>&1 && break; sleep 0.2; done
  log "both servers up; loading $POSTS posts with authors and categories into each"
else
  D=-
  [ "$ONLY" = search ] && log "Vellum up (ONLY=search)" || log "Vellum up (DIRECTUS=off); loading $POSTS posts with authors and categories"
fi
if [ "$ONLY" = search ]; then
  curl -sf -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d '{"id": "bench"}' "$V/v1/projects" >/dev/null
  READ=$(curl -sf -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d '{"name": "bench read", "scope": "read"}' \
    "$V/v1/projects/bench/tokens" | node -p 'JSON.parse(require("fs").readFileSync(0)).token')
else
  SETUP=$(node "$HERE/setup.mjs" "$V" "$ADMIN_TOKEN" "$D" "$DX_TOKEN" "$POSTS")
  READ=$(node -p 'JSON.parse(process.argv[1]).read' "$SETUP")
  SAME=$(node -p 'JSON.parse(process.argv[1]).same' "$SETUP")
fi
SEARCHES=0
if [ "$SEARCH_ENTRIES" != 0 ]; then
  log "loading $SEARCH_ENTRIES articles for the full-text searches into Vellum"
  SEARCH_SETUP=$(node "$HERE/search-setup.mjs" "$V" "$ADMIN_TOKEN" "$READ" "$SEARCH_ENTRIES")
  printf '%s' "$SEARCH_SETUP" >"$TMP/searches.json"
  SEARCHES=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).searches.length' "$TMP/searches.json")
  log "articles loaded in $(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).loadSeconds' "$TMP/searches.json") s"
fi
# the list's ETag once every write is done (any write in the project changes it)
[ "$ONLY" = search ] || ETAG=$(curl -s -o /dev/null -D - -H "Authorization: Bearer $READ" "$V/v1/projects/bench/collections/posts/entries?limit=50" \
  | awk 'tolower($1) == "etag:" {sub(/\r$/, ""); sub(/^[^:]*: */, ""); print}')
printf '%s' '{"query": "{ posts(limit: 50) { data { title author { name } category { name } } } }"}' >"$TMP/vellum-gql.json"
printf '%s' '{"query": "{ posts(limit: 50) { title author { name } category { name } } }"}' >"$TMP/directus-gql.json"

declare -A RPS P50 P99 LOADS
# measure KEY wrk-args…: throughput at 16 connections; measure_latency KEY wrk-args…: one request at a time (the median is the figure)
measure() { measure_with "-t2 -c16" "$@"; }
measure_latency() { measure_with "-t1 -c1" "$@"; }
measure_with() {  # measure_with "WRK-LOAD" KEY wrk-args…
  local load=$1 key=$2; shift 2
  wrk $load -d"$WARMUP" "$@" >/dev/null 2>&1 || true
  LOADS[$key]=$(cut -d' ' -f1 /proc/loadavg)
  local jfr=
  if [ -n "${PROFILE_DIR:-}" ] && [ "$key" = gql.v ]; then
    jfr=$TMP/sampling.jfc
    "$JAVA_HOME/bin/jfr" configure --input profile method-profiling=max --output "$jfr" >/dev/null 2>&1 || jfr=profile
    "$JAVA_HOME/bin/jcmd" "$VELLUM_PID" JFR.start name=gql settings="$jfr" >/dev/null
  fi
  wrk $load -d"$DURATION" --latency "$@" >"$TMP/$key.txt" 2>&1 || true
  if [ -n "$jfr" ]; then
    mkdir -p "$PROFILE_DIR"
    "$JAVA_HOME/bin/jcmd" "$VELLUM_PID" JFR.stop name=gql filename="$PROFILE_DIR/gql.jfr" >/dev/null
    "$JAVA_HOME/bin/jfr" print --json --stack-depth 48 --events jdk.ExecutionSample "$PROFILE_DIR/gql.jfr" \
      | node "$HERE/../throughput/jfr-top.mjs" "${TOP:-25}" >"$PROFILE_DIR/gql-profile.txt"
    log "JFR of the GraphQL run: $PROFILE_DIR/gql.jfr, top frames in $PROFILE_DIR/gql-profile.txt"
  fi
  RPS[$key]=$(awk '/Requests\/sec/ {print $2}' "$TMP/$key.txt")
  P50[$key]=$(awk '$1 == "50%" {print $2}' "$TMP/$key.txt")
  P99[$key]=$(awk '$1 == "99%" {print $2}' "$TMP/$key.txt")
  # a figure of error answers is no figure: stop (the 304 measurement expects 304s)
  if grep -q "Non-2xx" "$TMP/$key.txt" && ! [ "$key" = "etag304" ]; then
    echo "$key: non-2xx answers, stopping" >&2; cat "$TMP/$key.txt" >&2; exit 1
  fi
  log "$key: ${RPS[$key]} req/s (p50 ${P50[$key]}, p99 ${P99[$key]}, load ${LOADS[$key]})"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
AV="Authorization: Bearer $READ"
AD="Authorization: Bearer $DX_TOKEN"
if [ "$ONLY" != search ]; then
  measure rest.v -H "$AV" "$V/v1/projects/bench/collections/posts/entries?limit=50"
  measure gql.v -H "$AV" -s "$HERE/graphql.lua" "$V/v1/projects/bench/graphql" -- "$TMP/vellum-gql.json"
  if [ "$DIRECTUS" != off ]; then
    measure gql.d -H "$AD" -s "$HERE/graphql.lua" "$D/graphql" -- "$TMP/directus-gql.json"
    measure rest.d -H "$AD" "$D/items/posts?limit=50&fields=title,author.name,category.name"
  else
    for k in gql.d rest.d; do RPS[$k]=n/a; P50[$k]=n/a; P99[$k]=n/a; LOADS[$k]=n/a; done
  fi
  measure etag304 -H "$AV" -H "If-None-Match: $ETAG" "$V/v1/projects/bench/collections/posts/entries?limit=50"
fi
for i in $(seq 0 $((SEARCHES - 1))); do
  SPATH=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).searches[process.argv[2]].path' "$TMP/searches.json" "$i")
  measure_latency "search$i" -H "$AV" "$V$SPATH"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
ratio() { [ "$2" = n/a ] && { echo n/a; return; }; awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100 * a / b }'; }
if [ "$ONLY" = search ]; then
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`ONLY=search bench/delivery/run.sh\`. Machine: $(machine)."
  echo "Load average $LOAD_BEFORE before, $LOAD_AFTER after."
else
CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "$AV" -H "If-None-Match: $ETAG" "$V/v1/projects/bench/collections/posts/entries?limit=50")
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/delivery/run.sh\` (wrk -t2 -c16, $DURATION after a $WARMUP warm-up, SQLite, loopback,"
echo "$POSTS posts with one of 20 authors and one of 10 categories in each system; Vellum with a read token). Machine: $(machine)."
echo "Load average $LOAD_BEFORE before, $LOAD_AFTER after. Same 50 posts with the same authors and categories on both: $SAME."
echo
echo "| measurement | req/s | p50 | p99 | load |"
echo "|---|---:|---:|---:|---:|"
echo "| Vellum REST list, 50 posts (\`limit=50\`, references as ids) | ${RPS[rest.v]} | ${P50[rest.v]} | ${P99[rest.v]} | ${LOADS[rest.v]} |"
echo "| Vellum GraphQL, 50 posts with author and category | ${RPS[gql.v]} | ${P50[gql.v]} | ${P99[gql.v]} | ${LOADS[gql.v]} |"
echo "| Directus GraphQL, the same query | ${RPS[gql.d]} | ${P50[gql.d]} | ${P99[gql.d]} | ${LOADS[gql.d]} |"
echo "| Directus REST, the same (\`fields=title,author.name,category.name\`) | ${RPS[rest.d]} | ${P50[rest.d]} | ${P99[rest.d]} | ${LOADS[rest.d]} |"
echo "| Vellum list revalidation, \`If-None-Match\` → $CODE | ${RPS[etag304]} | ${P50[etag304]} | ${P99[etag304]} | ${LOADS[etag304]} |"
echo
echo "Vellum GraphQL / Vellum REST list: $(ratio "${RPS[gql.v]}" "${RPS[rest.v]}") (target ≥ 50 %). Vellum GraphQL / Directus GraphQL: $(ratio "${RPS[gql.v]}" "${RPS[gql.d]}")."
fi
[ "$SEARCHES" = 0 ] && exit 0
echo
echo "Full-text search over $SEARCH_ENTRIES articles (title + a rich-text body of 40–120 words from a 5,000-word Zipf vocabulary;"
echo "a quarter drafts), as a read token: \`search=…&filter=status = \"live\"&sort=-views&limit=20\`, one connection (wrk -t1 -c1,"
echo "$DURATION after a $WARMUP warm-up), SQLite. Target: median < 20 ms."
echo
echo "| search | entries matching (live) | p50 | p99 | req/s | load |"
echo "|---|---:|---:|---:|---:|---:|"
for i in $(seq 0 $((SEARCHES - 1))); do
  NAME=$(node -p 'const s = JSON.parse(require("fs").readFileSync(process.argv[1])).searches[process.argv[2]]; s.name + " `" + s.search + "`"' "$TMP/searches.json" "$i")
  MATCHES=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).searches[process.argv[2]].matches' "$TMP/searches.json" "$i")
  echo "| $NAME | $MATCHES | ${P50[search$i]} | ${P99[search$i]} | ${RPS[search$i]} | ${LOADS[search$i]} |"
done

#!/usr/bin/env bash
# Vellum, Directus 12.4.0 and Strapi 5 side by side (issue 15): the same machine, the same run, the same 10,000 items
# (load.mjs), the same wrk settings (2 threads, 16 keep-alive connections; batches 4 connections of 1,000 items).
# Each server runs on its own fresh SQLite database in WAL mode on loopback; only one is under load at a time.
#
#   operations: list 50 · filtered sorted list 50 · get one · create one (16 connections) · batch of 1,000
#               (Strapi 5 has no bulk create: n/a) · include_total with the filter, 16 clients, on TOTAL_ITEMS entries
#               (Vellum; the peers too with PEER_TOTALS=1, grown through their APIs, which takes minutes)
#
# usage: bench/side-by-side/compare.sh                                   (prints the Markdown section)
#        UPDATE_DOC=1 bench/side-by-side/compare.sh                      (also writes it to docs/benchmarks.md)
# Environment: DURATION (15s), WARMUP (10s), ITEMS (10000), TOTAL_ITEMS (100000; 0 skips include_total),
# PEERS ("directus strapi"), OPS ("list filter get create batch total"), PEER_TOTALS (0), VELLUM_JAR (the built jar),
# BENCH_VELLUM_PORT (18091), BENCH_DIRECTUS_PORT (18055), BENCH_STRAPI_PORT (18057), KEEP_TMP (0), UPDATE_DOC (0),
# DIRECTUS_WAL / STRAPI_WAL (1), DIRECTUS_HOME, STRAPI_HOME (install caches under ~/.cache/vellum).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
. "$HERE/peers.sh"

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
ITEMS=${ITEMS:-10000}
TOTAL_ITEMS=${TOTAL_ITEMS:-100000}
PEERS=${PEERS:-directus strapi}
OPS=" ${OPS:-list filter get create batch total} "
VPORT=${BENCH_VELLUM_PORT:-18091}
DPORT=${BENCH_DIRECTUS_PORT:-18055}
SPORT=${BENCH_STRAPI_PORT:-18057}
JAR=${VELLUM_JAR:-$JAR}
DOC="$ROOT/docs/benchmarks.md"
HEADING="## Side by side: Vellum, Directus and Strapi"
want() { [[ "$OPS" == *" $1 "* ]]; }
peer() { [[ " $PEERS " == *" $1 "* ]]; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

command -v node >/dev/null || { echo "node is required (the peers and the loader run on it)" >&2; exit 1; }
need_wrk
build_jar
peer directus && ensure_directus
peer strapi && ensure_strapi

TMP=$(mktemp -d /tmp/vellum-compare-XXXX)
cleanup() {
  local rc=$?
  set +e
  stop_server
  stop_peers
  if [ "$rc" -ne 0 ]; then
    for f in "$TMP/vellum.log" "$TMP/directus-bootstrap.log" "$TMP/directus.log" "$TMP/strapi.log"; do
      [ -s "$f" ] && { echo "--- last lines of $f" >&2; tail -n 20 "$f" >&2; }
    done
  fi
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];console.log(v)})' "$1"; }

# --- servers and data -----------------------------------------------------------------------------------------
V=http://127.0.0.1:$VPORT
VE=$V/v1/projects/bench/collections/posts/entries
AV="Authorization: Bearer $ADMIN_TOKEN"
start_server "$VPORT" "$TMP/vellum" VELLUM_RATE_LIMIT_ADMIN_PER_MINUTE=100000000
VELLUM_PID=$SERVER_PID
curl -sf -X POST "$V/v1/projects" -H "$AV" -H 'Content-Type: application/json' -d '{"id": "bench"}' >/dev/null
curl -sf -X POST "$V/v1/projects/bench/collections" -H "$AV" -H 'Content-Type: application/json' -d @"$HERE/vellum-collection.json" >/dev/null
declare -A LOAD PID
log "loading $ITEMS items into Vellum"
LOAD[vellum]=$(node "$HERE/load.mjs" vellum "$VE" "$ADMIN_TOKEN" "$TMP/ids.vellum" "$ITEMS")
PID[vellum]=$VELLUM_PID
if peer directus; then
  start_directus "$DPORT"
  AD="Authorization: Bearer $DX_TOKEN"
  log "loading $ITEMS items into Directus"
  LOAD[directus]=$(node "$HERE/load.mjs" directus "$D/items/posts" "$DX_TOKEN" "$TMP/ids.directus" "$ITEMS")
  PID[directus]=$DX_PID
  [ "$(curl -sf "$D/items/posts?limit=0&meta=total_count" -H "$AD" | json meta.total_count)" = "$ITEMS" ] \
    || { echo "Directus does not hold $ITEMS items" >&2; exit 1; }
fi
if peer strapi; then
  start_strapi "$SPORT"
  AS="Authorization: Bearer $ST_TOKEN"
  log "loading $ITEMS items into Strapi (one POST per item: Strapi 5 has no bulk create)"
  LOAD[strapi]=$(node "$HERE/load.mjs" strapi "$S/api/posts" "$ST_TOKEN" "$TMP/ids.strapi" "$ITEMS")
  PID[strapi]=$ST_PID
  [ "$(curl -sf "$S/api/posts?pagination%5Blimit%5D=1" -H "$AS" | json meta.pagination.total)" = "$ITEMS" ] \
    || { echo "Strapi does not hold $ITEMS items" >&2; exit 1; }
fi
[ "$(curl -sf "$VE?limit=1&include_total=true" -H "$AV" | json total)" = "$ITEMS" ] || { echo "Vellum does not hold $ITEMS items" >&2; exit 1; }

# --- measurements ---------------------------------------------------------------------------------------------
declare -A RPS P50 P99 NON2XX SOCKERR REQS LOAD1 CPU
# measure OP SYSTEM CONNECTIONS wrk-args…: a warm-up run, then the measured one with latency percentiles
measure() {
  local op=$1 sys=$2 key="$1.$2" t0 t1 c0 c1 wrk
  wrk=(wrk -t2 -c"$3" --timeout "$([ "$3" -le 4 ] && echo 60s || echo 10s)")
  shift 3
  log "$op on $sys: warm-up $WARMUP, then $DURATION (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  BENCH_TAG="$key-w" "${wrk[@]}" -d"$WARMUP" "$@" >/dev/null 2>&1 || true
  LOAD1[$key]=$(cut -d' ' -f1 /proc/loadavg)
  c0=$(cpu_ticks "${PID[$sys]}"); t0=$(date +%s%N)
  BENCH_TAG="$key" "${wrk[@]}" -d"$DURATION" --latency "$@" >"$TMP/$key.txt" 2>&1 || true
  c1=$(cpu_ticks "${PID[$sys]}"); t1=$(date +%s%N)
  CPU[$key]=$(awk -v c=$((c1 - c0)) -v hz="$CLK_TCK" -v ns=$((t1 - t0)) 'BEGIN {printf "%.2f", c / hz / (ns / 1e9)}')
  read -r "RPS[$key]" "P50[$key]" "P99[$key]" "NON2XX[$key]" "SOCKERR[$key]" "REQS[$key]" < <(parse_wrk "$TMP/$key.txt")
  [ "${RPS[$key]}" = "-" ] && cat "$TMP/$key.txt" >&2
  if [ "${REQS[$key]}" = 0 ]; then unset "RPS[$key]"; log "  no request finished within $DURATION: n/a"; return; fi
  log "  ${RPS[$key]} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms, non-2xx ${NON2XX[$key]}, socket errors ${SOCKERR[$key]}, CPU ${CPU[$key]} cores"
}

enc() { node -p 'encodeURIComponent(process.argv[1])' "$1"; }
V_FILTER="filter=$(enc 'status = "live" and views > 100')&sort=-published_at&limit=50"
D_FILTER='filter%5Bstatus%5D%5B_eq%5D=live&filter%5Bviews%5D%5B_gt%5D=100&sort=-published_at&limit=50'
# Strapi counts every list unless told not to (meta.pagination.total); withCount=false spares it that, as Vellum and
# Directus count only when asked
S_FILTER='filters%5Bstatus%5D%5B%24eq%5D=live&filters%5Bviews%5D%5B%24gt%5D=100&sort=publish_date%3Adesc&pagination%5Blimit%5D=50'
S_NOCOUNT='pagination%5BwithCount%5D=false'
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
TOP_BEFORE=$(ps -eo pcpu=,comm= --sort=-pcpu | awk '$1 > 5 {printf "%s%s %s%%", (n++ ? ", " : ""), $2, $1}')

if want list; then
  measure list vellum 16 -H "$AV" "$VE?limit=50"
  peer directus && measure list directus 16 -H "$AD" "$D/items/posts?limit=50"
  peer strapi && measure list strapi 16 -H "$AS" "$S/api/posts?pagination%5Blimit%5D=50&$S_NOCOUNT"
fi
if want filter; then
  measure filter vellum 16 -H "$AV" "$VE?$V_FILTER"
  peer directus && measure filter directus 16 -H "$AD" "$D/items/posts?$D_FILTER"
  peer strapi && measure filter strapi 16 -H "$AS" "$S/api/posts?$S_FILTER&$S_NOCOUNT"
fi
if want get; then
  measure get vellum 16 -H "$AV" -s "$HERE/get.lua" "$V" -- "$TMP/ids.vellum" "/v1/projects/bench/collections/posts/entries/"
  peer directus && measure get directus 16 -H "$AD" -s "$HERE/get.lua" "$D" -- "$TMP/ids.directus" "/items/posts/"
  peer strapi && measure get strapi 16 -H "$AS" -s "$HERE/get.lua" "$S" -- "$TMP/ids.strapi" "/api/posts/"
fi
if want create; then
  measure create vellum 16 -H "$AV" -s "$HERE/create.lua" "$VE" -- vellum
  peer directus && measure create directus 16 -H "$AD" -s "$HERE/create.lua" "$D/items/posts" -- directus
  peer strapi && measure create strapi 16 -H "$AS" -s "$HERE/create.lua" "$S/api/posts" -- strapi
fi
if want batch; then
  measure batch vellum 4 -H "$AV" -s "$HERE/../throughput/batch.lua" "$VE/batch" -- vellum
  peer directus && measure batch directus 4 -H "$AD" -s "$HERE/../throughput/batch.lua" "$D/items/posts?fields=id" -- directus
fi
# grow SYSTEM: add entries up to TOTAL_ITEMS (item numbers after the largest count so far, so slugs stay unique)
grow() {
  local sys=$1 have=$2 base token
  [ "$have" -lt "$TOTAL_ITEMS" ] || return 0
  log "growing $sys from $have to $TOTAL_ITEMS entries"
  case $sys in
    vellum) base=$VE; token=$ADMIN_TOKEN ;; directus) base=$D/items/posts; token=$DX_TOKEN ;; strapi) base=$S/api/posts; token=$ST_TOKEN ;;
  esac
  node "$HERE/load.mjs" "$sys" "$base" "$token" /dev/null $((TOTAL_ITEMS - have)) $((have + 1000000)) >/dev/null
}
if want total && [ "$TOTAL_ITEMS" -gt 0 ]; then
  grow vellum "$(curl -sf "$VE?limit=1&include_total=true" -H "$AV" | json total)"
  measure total vellum 16 -H "$AV" "$VE?$V_FILTER&include_total=true"
  if [ "${PEER_TOTALS:-0}" = 1 ]; then
    if peer directus; then
      grow directus "$(curl -sf "$D/items/posts?limit=0&meta=total_count" -H "$AD" | json meta.total_count)"
      measure total directus 16 -H "$AD" "$D/items/posts?$D_FILTER&meta=filter_count"
    fi
    if peer strapi; then
      grow strapi "$(curl -sf "$S/api/posts?pagination%5Blimit%5D=1" -H "$AS" | json meta.pagination.total)"
      measure total strapi 16 -H "$AS" "$S/api/posts?$S_FILTER"
    fi
  fi
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the section ----------------------------------------------------------------------------------------------
num() { awk -v v="$1" 'BEGIN { if (v == "" || v == "-") print "–"; else if (v < 10) printf "%.2f", v; else if (v < 100) printf "%.1f", v; else printf "%.0f", v }'; }
cell() { [ -n "${RPS[$1]:-}" ] && num "${RPS[$1]}" || printf 'n/a'; }
ratio() { [ -n "${RPS[$1.vellum]:-}" ] && [ -n "${RPS[$1.$2]:-}" ] && awk -v a="${RPS[$1.vellum]}" -v b="${RPS[$1.$2]}" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "n/a" }' || printf 'n/a'; }
lat() { [ -n "${RPS[$1]:-}" ] && printf '%s / %s' "$(num "${P50[$1]}")" "$(num "${P99[$1]}")" || printf 'n/a'; }
SECTION=$TMP/section.md
{
  echo "$HEADING"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/side-by-side/compare.sh\`: $ITEMS identical items loaded into each system"
  echo "(SQLite, WAL, loopback), wrk -t2 -c16 ($DURATION after a $WARMUP warm-up; batches -c4, 1,000 items per request)."
  echo "Machine: $(machine); Node $(node --version); Directus ${DX_PKG_VERSION:-–}; Strapi $STRAPI_VERSION; wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')."
  echo "Load average $LOAD_BEFORE before, $LOAD_AFTER after; busy processes at the start: ${TOP_BEFORE:-none}."
  echo
  echo "| operation | Vellum req/s | Directus req/s | Strapi req/s | Vellum/Directus | Vellum/Strapi | p50 / p99 ms Vellum · Directus · Strapi |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for op in list filter get create batch total; do
    case $op in
      list) name='list 50 (`limit=50`)' ;;
      filter) name='filter `status = live and views > 100`, sort `-published_at`, 50' ;;
      get) name="get one ($ITEMS ids, spread)" ;;
      create) name='create one (all 10 fields), 16 connections' ;;
      batch) name='batch of 1,000 creates, 4 connections (entries/s = req/s × 1,000)' ;;
      total) name="\`include_total\` with the filter, 16 clients, $TOTAL_ITEMS+ entries" ;;
    esac
    [ -n "${RPS[$op.vellum]:-}" ] || continue
    echo "| $name | $(cell "$op.vellum") | $(cell "$op.directus") | $(cell "$op.strapi") | $(ratio "$op" directus) | $(ratio "$op" strapi) |" \
      "$(lat "$op.vellum") · $(lat "$op.directus") · $(lat "$op.strapi") |"
  done
  echo
  echo "Per measurement (requests, non-2xx, socket errors, server CPU in cores, 1-minute load):"
  echo
  for key in "${!RPS[@]}"; do echo "$key"; done | sort | while read -r key; do
    echo "- $key: ${REQS[$key]} requests, non-2xx ${NON2XX[$key]}, socket errors ${SOCKERR[$key]}, CPU ${CPU[$key]}, load ${LOAD1[$key]}"
  done
  echo "- loading $ITEMS items: Vellum ${LOAD[vellum]} (batches of 1,000); Directus ${LOAD[directus]:-–} (arrays of 1,000);" \
    "Strapi ${LOAD[strapi]:-–} (one POST per item, 16 in flight)"
  echo "- journals: Vellum WAL (synchronous=NORMAL); Directus ${DX_JOURNAL:-–}, Strapi ${ST_JOURNAL:-–} (SQLite's default synchronous=FULL)."
  echo "- indexes: every scalar field in all three (Directus \`is_indexed\`; Strapi by CREATE INDEX after its start, its schema"
  echo "  declares only the unique slug). Strapi 5 has no bulk create in its REST API: its batch row is n/a. Strapi's lists"
  echo "  ask \`pagination[withCount]=false\` except in the include_total row."
} >"$SECTION"
cat "$SECTION"
if [ "${UPDATE_DOC:-0}" = 1 ]; then replace_doc_section "$DOC" "$HEADING" "$SECTION"; log "updated $DOC"; fi

#!/usr/bin/env bash
# Side-by-side load test (issues 3 and 6): Vellum against a real Directus 12.4.0 on the same machine, the same
# 10,000 items, the same wrk settings (2 threads, 16 keep-alive connections). Prints a Markdown table and
# writes it to docs/benchmarks.md under "## Side by side with Directus 12.4.0". See README.md next to this file.
#
# Environment: DURATION (15s) and WARMUP (10s) per measurement, ITEMS (10000), BENCH_VELLUM_PORT (18091),
# BENCH_DIRECTUS_PORT (18055), DIRECTUS_HOME (~/.cache/vellum/directus-12.4.0), UPDATE_DOC (1; 0 = print only),
# BENCH_NOTE (an extra line for the recorded notes), KEEP_TMP (0; 1 keeps the temp dir with logs and wrk output),
# DIRECTUS_WAL (1: Directus' SQLite file in WAL mode like Vellum's; 0: Directus' default rollback journal).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
ITEMS=${ITEMS:-10000}
VPORT=${BENCH_VELLUM_PORT:-18091}
DPORT=${BENCH_DIRECTUS_PORT:-18055}
DOC="$ROOT/docs/benchmarks.md"
HEADING="## Side by side with Directus 12.4.0"
FILTER_VELLUM='status = "live" and views > 100'
WRK=(wrk -t2 -c16 --timeout 10s)
T_START=$(date +%s)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- 1. prerequisites: wrk, Directus (cached outside the repo), Node, the Vellum jar --------------------------
. "$HERE/peers.sh"
command -v node >/dev/null || { echo "node is required (Directus and the loader run on it)" >&2; exit 1; }
need_wrk
ensure_directus
build_jar

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$VPORT" "$DPORT"; do port_free "$p" || { echo "port $p is in use (set BENCH_VELLUM_PORT / BENCH_DIRECTUS_PORT)" >&2; exit 1; }; done

# --- temp dir and clean-up ------------------------------------------------------------------------------------
TMP=$(mktemp -d /tmp/vellum-vs-directus-XXXX)
cleanup() {
  local rc=$?
  set +e
  stop_server
  stop_peers
  if [ "$rc" -ne 0 ]; then
    for f in "$TMP/vellum.log" "$TMP/directus-bootstrap.log" "$TMP/directus.log"; do
      [ -s "$f" ] && { echo "--- last lines of $f" >&2; tail -n 20 "$f" >&2; }
    done
  fi
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# req METHOD URL TOKEN [curl args…]: prints the body; fails (with the body on stderr) on HTTP ≥ 400
req() {
  local m=$1 u=$2 t=$3 out code
  shift 3
  out=$(curl -sS -g -X "$m" "$u" -H "Authorization: Bearer $t" -w '\n%{http_code}' "$@")
  code=${out##*$'\n'}
  out=${out%$'\n'*}
  if [ "$code" -ge 400 ]; then echo "$m $u → $code: ${out:0:500}" >&2; return 1; fi
  printf '%s' "$out"
}
J="Content-Type: application/json"

# --- 2. start both servers ------------------------------------------------------------------------------------
V=http://127.0.0.1:$VPORT
VPATH=/v1/projects/bench/collections/posts/entries
VE=$V$VPATH
log "starting Vellum on $V"
start_server "$VPORT" "$TMP/vellum" VELLUM_RATE_LIMIT_PER_MINUTE=100000000 VELLUM_RATE_LIMIT_ADMIN_PER_MINUTE=100000000 \
  VELLUM_ACCESS_LOG_LEVEL=OFF
VELLUM_PID=$SERVER_PID
log "Vellum ready in ${READY_MS} ms"

DPATH=/items/posts
start_directus "$DPORT"

# --- 3. the same collection and the same items in both --------------------------------------------------------
req POST "$V/v1/projects" "$ADMIN_TOKEN" -H "$J" -d '{"id": "bench"}' >/dev/null
req POST "$V/v1/projects/bench/collections" "$ADMIN_TOKEN" -H "$J" -d @"$HERE/vellum-collection.json" >/dev/null

log "loading $ITEMS items into Vellum (POST …/entries/batch, 1,000 per call)"
LOAD_V=$(node "$HERE/load.mjs" vellum "$VE" "$ADMIN_TOKEN" "$TMP/vellum-ids.txt" "$ITEMS")
log "  $LOAD_V"
log "loading $ITEMS items into Directus (POST /items/posts with arrays of 1,000)"
LOAD_D=$(node "$HERE/load.mjs" directus "$D$DPATH" "$DX_TOKEN" "$TMP/directus-ids.txt" "$ITEMS")
log "  $LOAD_D"
COUNT_V=$(req GET "$VE?limit=1&include_total=true" "$ADMIN_TOKEN" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))')
COUNT_D=$(req GET "$D$DPATH?limit=0&meta=total_count" "$DX_TOKEN" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).meta.total_count))')
[ "$COUNT_V" = "$ITEMS" ] && [ "$COUNT_D" = "$ITEMS" ] || { echo "item counts differ: Vellum $COUNT_V, Directus $COUNT_D, expected $ITEMS" >&2; exit 1; }
log "both hold $ITEMS items"

# --- 4. measurements ------------------------------------------------------------------------------------------
declare -A RPS P50 P99 NON2XX SOCKERR REQS LOAD1 CPU STATE
# measure KEY PID wrk-args…: warm-up run, then the measured run (with latency percentiles); records the results
measure() {
  local key=$1 pid=$2 t0 t1 c0 c1
  shift 2
  log "$key: warm-up $WARMUP, then $DURATION (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  BENCH_TAG="$key-warmup" "${WRK[@]}" -d"$WARMUP" "$@" >"$TMP/$key.warmup.txt" 2>&1 || true
  LOAD1[$key]=$(cut -d' ' -f1 /proc/loadavg)
  c0=$(cpu_ticks "$pid"); t0=$(date +%s%N)
  BENCH_TAG="$key" "${WRK[@]}" -d"$DURATION" --latency "$@" >"$TMP/$key.txt" 2>&1 || true
  c1=$(cpu_ticks "$pid"); t1=$(date +%s%N)
  CPU[$key]=$(awk -v c=$((c1 - c0)) -v hz="$CLK_TCK" -v ns=$((t1 - t0)) 'BEGIN {printf "%.2f", c / hz / (ns / 1e9)}')
  read -r "RPS[$key]" "P50[$key]" "P99[$key]" "NON2XX[$key]" "SOCKERR[$key]" "REQS[$key]" < <(parse_wrk "$TMP/$key.txt")
  STATE[$key]=measured
  if [ "${RPS[$key]}" = "-" ]; then STATE[$key]="failed"; cat "$TMP/$key.txt" >&2; fi
  log "  ${RPS[$key]} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms, non-2xx ${NON2XX[$key]}, socket errors ${SOCKERR[$key]}, server CPU ${CPU[$key]} cores"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
TOP_BEFORE=$(ps -eo pcpu=,comm= --sort=-pcpu | awk '$1 > 5 {printf "%s%s %s%%", (n++ ? ", " : ""), $2, $1}')
log "load average before measuring: $LOAD_BEFORE; busy processes: ${TOP_BEFORE:-none}"

AV="Authorization: Bearer $ADMIN_TOKEN"
AD="Authorization: Bearer $DX_TOKEN"

measure list.v "$VELLUM_PID" -H "$AV" "$VE?limit=50"
measure list.d "$DX_PID" -H "$AD" "$D$DPATH?limit=50"

measure get.v "$VELLUM_PID" -H "$AV" -s "$HERE/get.lua" "$V" -- "$TMP/vellum-ids.txt" "$VPATH/"
measure get.d "$DX_PID" -H "$AD" -s "$HERE/get.lua" "$D" -- "$TMP/directus-ids.txt" "$DPATH/"

# Vellum's filter language may not be merged yet: then the server answers 400 filter_unsupported.
FILTER_Q="filter=$(node -p 'encodeURIComponent(process.argv[1])' "$FILTER_VELLUM")&sort=-published_at&limit=50"
DX_FILTER_Q='filter%5Bstatus%5D%5B_eq%5D=live&filter%5Bviews%5D%5B_gt%5D=100&sort=-published_at&limit=50'
FILTER_NOTE=
fcode=$(curl -s -o "$TMP/filter-probe.json" -w '%{http_code}' "$VE?$FILTER_Q" -H "$AV")
if [ "$fcode" = 200 ]; then
  # the same 50 items, in the same order, on both sides?
  same=$(node -e '
    const fs = require("fs");
    const v = JSON.parse(fs.readFileSync(process.argv[1])).data.map((e) => e.slug);
    // argv[3] is a whole header line ("Authorization: Bearer …"): send only its value
    fetch(process.argv[2], {headers: {Authorization: process.argv[3].replace(/^Authorization:\s*/i, "")}}).then((r) => r.json()).then((j) => {
      const d = j.data.map((e) => e.slug);
      console.log(v.length === d.length && v.every((s, i) => s === d[i]) ? "same" : `different (Vellum ${v.length}, Directus ${d.length})`);
    });' "$TMP/filter-probe.json" "$D$DPATH?$DX_FILTER_Q" "$AD")
  FILTER_NOTE="both answer the same 50 items in the same order: $same"
  measure filter.v "$VELLUM_PID" -H "$AV" "$VE?$FILTER_Q"
elif [ "$fcode" = 400 ] && grep -q '"filter_unsupported"' "$TMP/filter-probe.json"; then
  STATE[filter.v]=pending
  FILTER_NOTE="Vellum answered 400 \`filter_unsupported\` (filter language not merged yet): not measured"
  log "Vellum: filter not supported yet (400 filter_unsupported), skipped"
else
  STATE[filter.v]="HTTP $fcode"
  FILTER_NOTE="Vellum's filter probe answered HTTP $fcode: $(head -c 300 "$TMP/filter-probe.json")"
  log "Vellum: filter probe answered HTTP $fcode, skipped"
fi
measure filter.d "$DX_PID" -H "$AD" "$D$DPATH?$DX_FILTER_Q"

measure create.v "$VELLUM_PID" -H "$AV" -s "$HERE/create.lua" "$VE" -- vellum
measure create.d "$DX_PID" -H "$AD" -s "$HERE/create.lua" "$D$DPATH" -- directus

measure update.v "$VELLUM_PID" -H "$AV" -s "$HERE/update.lua" "$V" -- "$TMP/vellum-ids.txt" "$VPATH/" vellum 2
measure update.d "$DX_PID" -H "$AD" -s "$HERE/update.lua" "$D" -- "$TMP/directus-ids.txt" "$DPATH/" directus 2

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RSS_V=$(rss_mb "$VELLUM_PID")
RSS_D=$(rss_mb "$DX_PID")
COUNT_V=$(req GET "$VE?limit=1&include_total=true" "$ADMIN_TOKEN" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))')
COUNT_D=$(req GET "$D$DPATH?limit=0&meta=total_count" "$DX_TOKEN" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).meta.total_count))')

# --- 5. the table ---------------------------------------------------------------------------------------------
lat() { awk -v v="$1" 'BEGIN { if (v == "-") print "-"; else if (v < 10) printf "%.2f", v; else if (v < 100) printf "%.1f", v; else printf "%.0f", v }'; }
cell_rps() {
  case "${STATE[$1]:-}" in
    measured) printf '%.0f' "${RPS[$1]}" ;;
    pending) printf 'n/a (pending)' ;;
    *) printf 'n/a (%s)' "${STATE[$1]:-not run}" ;;
  esac
}
cell_lat() { [ "${STATE[$1]:-}" = measured ] && printf '%s / %s ms' "$(lat "${P50[$1]}")" "$(lat "${P99[$1]}")" || printf 'n/a'; }
cell_ratio() {
  if [ "${STATE[$1.v]:-}" = measured ] && [ "${STATE[$1.d]:-}" = measured ]; then
    awk -v a="${RPS[$1.v]}" -v b="${RPS[$1.d]}" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "n/a" }'
  else printf 'n/a'; fi
}
detail() {  # one line of per-system details for a measurement
  [ "${STATE[$1]:-}" = measured ] || { printf '%s' "${STATE[$1]:-not run}"; return; }
  printf '%s requests, non-2xx %s, socket errors %s, server CPU %s cores, load %s' \
    "${REQS[$1]}" "${NON2XX[$1]}" "${SOCKERR[$1]}" "${CPU[$1]}" "${LOAD1[$1]}"
}

NPROC=$(nproc)
MAX_LOAD=$(printf '%s\n' "${LOAD1[@]}" "${LOAD_BEFORE%% *}" "${LOAD_AFTER%% *}" | sort -g | tail -1)
BUSY=$(awk -v l="$MAX_LOAD" -v n="$NPROC" 'BEGIN {print (l > n) ? 1 : 0}')
SECTION="$TMP/section.md"
{
  echo "$HEADING"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/side-by-side/run.sh\`: wrk -t2 -c16 (keep-alive), $DURATION per"
  echo "measurement after a $WARMUP warm-up, $ITEMS identical items loaded into each system, SQLite, loopback. How it is"
  echo "measured and what was done for fairness: [bench/side-by-side/README.md](../bench/side-by-side/README.md)."
  echo
  echo "Machine: $NPROC cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo) GiB RAM;"
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); Node $(node --version); Directus $DX_PKG_VERSION (@directus/api $DX_API_VERSION); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')."
  echo
  echo "| operation | Vellum req/s | Directus req/s | ratio | Vellum p50/p99 | Directus p50/p99 |"
  echo "|---|---:|---:|---:|---:|---:|"
  for op in list get filter create update; do
    case $op in
      list) name='list 50 items (`limit=50`)' ;;
      get) name="get one item by id ($ITEMS ids, spread)" ;;
      filter) name='filter `status = live and views > 100`, sort `-published_at`, 50 items' ;;
      create) name='create one item (all 10 fields)' ;;
      update) name='update one item (PATCH 2 fields, distinct items)' ;;
    esac
    echo "| $name | $(cell_rps "$op.v") | $(cell_rps "$op.d") | $(cell_ratio "$op") | $(cell_lat "$op.v") | $(cell_lat "$op.d") |"
  done
  echo
  echo "Load on the machine: load average $LOAD_BEFORE before the measurements, $LOAD_AFTER after (1, 5, 15 min);"
  echo "processes above 5 % CPU at the start: ${TOP_BEFORE:-none}."
  if [ "$BUSY" = 1 ]; then
    echo "**The machine was busy** (1-minute load average up to $MAX_LOAD on $NPROC cores, from other work running at the"
    echo "same time): both systems competed for CPU with it, so these numbers are indicative only. Re-run on a quiet machine"
    echo "before quoting them."
  fi
  [ -n "${BENCH_NOTE:-}" ] && { echo; echo "$BENCH_NOTE"; }
  echo
  echo "Details per measurement (Vellum · Directus):"
  echo
  for op in list get filter create update; do
    echo "- $op: $(detail "$op.v") · $(detail "$op.d")"
  done
  echo "- filter: $FILTER_NOTE."
  echo "- loading $ITEMS items in batches of 1,000 (not under wrk): Vellum $LOAD_V; Directus $LOAD_D."
  echo "- items at the end (loaded + created): Vellum $COUNT_V, Directus $COUNT_D. Resident memory at the end: Vellum"
  echo "  $RSS_V MB (launcher defaults: \`${VELLUM_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx256m}\`), Directus $RSS_D MB (one Node process)."
  echo "- indexes: Vellum indexes every scalar field on its own (slug unique; title, status, views, score, featured,"
  echo "  published_at, summary, color; plus created_at, updated_at, publish_at). Directus was given the same where it"
  echo "  offers them: slug unique; title, status, views, score, featured, published_at, summary, color (\`is_indexed\`)."
  echo "  Neither indexes tags (a JSON list)."
  echo "- Directus caching: \`CACHE_ENABLED=false\` (its default: no response cache), \`CACHE_SCHEMA=true\` (its default:"
  echo "  schema kept in memory), rate limiter off, \`LOG_LEVEL=warn\`; activity tracking left at its default (\`all\`),"
  echo "  as Vellum writes its change log in every write transaction."
  echo "- SQLite journal: Vellum WAL with \`synchronous=NORMAL\`; Directus \`$DX_JOURNAL\` with SQLite's default"
  echo "  \`synchronous=FULL\` (one knex connection)."
} >"$SECTION"

echo
cat "$SECTION"

# --- 6. docs/benchmarks.md: replace (or append) only this section ----------------------------------------------
if [ "${UPDATE_DOC:-1}" = 1 ]; then
  replace_doc_section "$DOC" "$HEADING" "$SECTION"
  log "updated $DOC"
fi
log "done in $(( $(date +%s) - T_START )) s"

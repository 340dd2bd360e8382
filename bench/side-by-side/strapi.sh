#!/usr/bin/env bash
# Vellum beside a real Strapi 5 (issue 15), same machine, same run, the same 10,000 items (load.mjs) and the same wrk
# settings as run.sh (2 threads, 16 keep-alive connections): list of 50, the filtered sorted list of 50, get one.
# Strapi is installed from the npm registry into ~/.cache/vellum/strapi-$STRAPI_VERSION (once; its better-sqlite3 is
# built from source by node-gyp against the installed Node's headers, as no prebuilt binary can be downloaded here),
# on SQLite, with the app in strapi-app/ (a "posts" collection of the side-by-side shape, admin panel not served,
# a full-access API token made at bootstrap). Prints a Markdown table.
#
# Environment: DURATION (10s), WARMUP (5s), ITEMS (10000), BENCH_VELLUM_PORT (18091), BENCH_STRAPI_PORT (18057),
# VELLUM_JAR (vellum-server/target/vellum.jar).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
STRAPI_VERSION=5.54.0
ST_HOME=${STRAPI_HOME:-$HOME/.cache/vellum/strapi-$STRAPI_VERSION}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
ITEMS=${ITEMS:-10000}
VPORT=${BENCH_VELLUM_PORT:-18091}
SPORT=${BENCH_STRAPI_PORT:-18057}
JAR=${VELLUM_JAR:-$JAR}
WRK=(wrk -t2 -c16 --timeout 10s)
need_wrk
build_jar

if ! [ -f "$ST_HOME/.vellum-installed" ]; then
  echo "installing Strapi $STRAPI_VERSION into $ST_HOME (once)…" >&2
  mkdir -p "$ST_HOME"
  (cd "$ST_HOME" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "@strapi/strapi@$STRAPI_VERSION" \
    "@strapi/plugin-users-permissions@$STRAPI_VERSION" better-sqlite3@12.4.1 react@18 react-dom@18 react-router-dom@6 styled-components@6)
  touch "$ST_HOME/.vellum-installed"
fi

TMP=$(mktemp -d /tmp/vellum-vs-strapi-XXXX)
ST_PID=
cleanup() {
  stop_server
  [ -n "$ST_PID" ] && kill "$ST_PID" 2>/dev/null && wait "$ST_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

cp -r "$HERE/strapi-app" "$TMP/app"
ln -s "$ST_HOME/node_modules" "$TMP/app/node_modules"
mkdir -p "$TMP/app/public/uploads"
(cd "$TMP/app" && exec env -i PATH="$PATH" HOME="$HOME" NODE_ENV=production STRAPI_TELEMETRY_DISABLED=true PORT="$SPORT" \
  DATABASE_FILENAME="$TMP/strapi.db" TOKEN_FILE="$TMP/strapi-token" node node_modules/@strapi/strapi/bin/strapi.js start) >"$TMP/strapi.log" 2>&1 &
ST_PID=$!
S=http://127.0.0.1:$SPORT
for i in $(seq 1 600); do
  [ -s "$TMP/strapi-token" ] && curl -sf "$S/_health" >/dev/null 2>&1 && break
  kill -0 "$ST_PID" 2>/dev/null || { tail -20 "$TMP/strapi.log" >&2; echo "Strapi died" >&2; exit 1; }
  sleep 0.3
done
ST_TOKEN=$(cat "$TMP/strapi-token")
start_server "$VPORT" "$TMP/vellum" VELLUM_RATE_LIMIT_ADMIN_PER_MINUTE=100000000
V=http://127.0.0.1:$VPORT
VPATH=/v1/projects/bench/collections/posts/entries
AV="Authorization: Bearer $ADMIN_TOKEN"
AS="Authorization: Bearer $ST_TOKEN"
curl -sf -X POST "$V/v1/projects" -H "$AV" -H 'Content-Type: application/json' -d '{"id": "bench"}' >/dev/null
curl -sf -X POST "$V/v1/projects/bench/collections" -H "$AV" -H 'Content-Type: application/json' -d @"$HERE/vellum-collection.json" >/dev/null
LOAD_V=$(node "$HERE/load.mjs" vellum "$V$VPATH" "$ADMIN_TOKEN" "$TMP/vellum-ids.txt" "$ITEMS")
LOAD_S=$(node "$HERE/load.mjs" strapi "$S/api/posts" "$ST_TOKEN" "$TMP/strapi-ids.txt" "$ITEMS")
COUNT_S=$(curl -sf "$S/api/posts?pagination%5Blimit%5D=1" -H "$AS" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).meta.pagination.total))')
[ "$COUNT_S" = "$ITEMS" ] || { echo "Strapi holds $COUNT_S items, expected $ITEMS" >&2; exit 1; }

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p50() { awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
             $1 == "50%" {print ms($2)}' "$1"; }
errors() { awk '/Non-2xx/ {n = $NF} /Socket errors/ {gsub(",", ""); e = $4 + $6 + $8 + $10} END {print n + 0 "/" e + 0}' "$1"; }
run() { # run KEY wrk-args… → "rps p50 errors load"
  local f="$TMP/$1.txt"; shift
  "${WRK[@]}" -d"$WARMUP" "$@" >/dev/null 2>&1 || true
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  "${WRK[@]}" -d"$DURATION" --latency "$@" >"$f" 2>&1 || true
  echo "$(rps "$f") $(p50 "$f") $(errors "$f") $load"
}
row() { # row LABEL VELLUM-RESULT STRAPI-RESULT
  read -r vr vp ve vl <<<"$2"; read -r sr sp se sl <<<"$3"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$vr" "$sr" "$(awk -v a="$vr" -v b="$sr" 'BEGIN {printf "%.1f×", a / b}')" \
    "$vp / $sp" "$ve / $se" "$vl / $sl"
}
FILTER_V="filter=$(node -p 'encodeURIComponent(process.argv[1])' 'status = "live" and views > 100')&sort=-published_at&limit=50"
# Strapi counts every list by default (meta.pagination.total); withCount=false spares it that, as Vellum counts only on include_total
FILTER_S='filters%5Bstatus%5D%5B%24eq%5D=live&filters%5Bviews%5D%5B%24gt%5D=100&sort=publish_date%3Adesc&pagination%5Blimit%5D=50&pagination%5BwithCount%5D=false'
echo "machine: $(machine); node $(node --version); Strapi $STRAPI_VERSION; $(date -u +%Y-%m-%dT%H:%MZ); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "loaded $ITEMS items: Vellum $LOAD_V (batches of 1,000), Strapi $LOAD_S (one POST per item, 16 in flight)"
echo
echo "| operation | Vellum req/s | Strapi req/s | ratio | p50 ms (V / S) | non-2xx/socket errors (V / S) | load (V / S) |"
echo "|---|---|---|---|---|---|---|"
row "list 50" "$(run list.v -H "$AV" "$V$VPATH?limit=50")" \
  "$(run list.s -H "$AS" "$S/api/posts?pagination%5Blimit%5D=50&pagination%5BwithCount%5D=false")"
row "filtered, sorted list 50" "$(run filter.v -H "$AV" "$V$VPATH?$FILTER_V")" "$(run filter.s -H "$AS" "$S/api/posts?$FILTER_S")"
row "get one" "$(run get.v -H "$AV" -s "$HERE/get.lua" "$V" -- "$TMP/vellum-ids.txt" "$VPATH/")" \
  "$(run get.s -H "$AS" -s "$HERE/get.lua" "$S" -- "$TMP/strapi-ids.txt" "/api/posts/")"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

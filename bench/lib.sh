# Shared by the bench scripts: find a JDK, build the jar, start a server on a temp data dir, stop it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/.mvn/find-jdk.sh"
JAR="$ROOT/vellum-server/target/vellum.jar"
ADMIN_TOKEN=${ADMIN_TOKEN:-bench-admin-token-0123456789}

need_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  echo "installing wrk…" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
}

build_jar() {
  [ -f "$JAR" ] || "$ROOT/mvnw" -q -B package -DskipTests -pl vellum-server -am
}

# start_server PORT DATADIR [extra env…]: starts Vellum in the background, sets SERVER_PID and READY_MS
start_server() {
  local port=$1 dir=$2; shift 2
  local t0 t1
  t0=$(date +%s%N)
  env VELLUM_PORT="$port" VELLUM_HOST=127.0.0.1 VELLUM_DATA_DIR="$dir" VELLUM_BOOTSTRAP_TOKEN="$ADMIN_TOKEN" \
      VELLUM_ACCESS_LOG_LEVEL=OFF VELLUM_RATE_LIMIT_PER_MINUTE=${VELLUM_RATE_LIMIT_PER_MINUTE:-100000000} "$@" \
      "$JAVA_HOME/bin/java" ${VELLUM_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx256m} --enable-native-access=ALL-UNNAMED \
      -jar "$JAR" serve >"$dir.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir.log"; echo "server died" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  READY_MS=$(( (t1 - t0) / 1000000 ))
}

stop_server() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
}

rss_mb() {
  awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"
}

machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
}

# cpu_ticks PID: user + system CPU ticks the process has used (divide by CLK_TCK for seconds)
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# parse_wrk FILE → "rps p50_ms p99_ms non2xx socket_errors requests"
parse_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v + 0 }
    / requests in / { reqs = $1 }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses/ { non = $NF }
    /Socket errors/ { gsub(",", ""); err = $4 + $6 + $8 + $10 }
    END { if (rps == "") rps = "-"; if (p50 == "") p50 = "-"; if (p99 == "") p99 = "-"; printf "%s %s %s %d %d %d\n", rps, p50, p99, non, err, reqs }' "$1"
}

# replace_doc_section DOC HEADING FILE: the section of DOC under HEADING (up to the next "## ") becomes FILE's
# text (appended when DOC has no such section); the rest of DOC is left alone
replace_doc_section() {
  local doc=$1 heading=$2 file=$3 tmp
  tmp=$(mktemp)
  [ -f "$doc" ] || printf '# Benchmarks\n' >"$doc"
  awk -v heading="$heading" -v file="$file" '
    function emit(   l) { if (last != "") print ""; while ((getline l < file) > 0) print l; close(file); done = 1; last = "x" }
    $0 == heading { emit(); print ""; skip = 1; next }
    skip && /^## / { skip = 0 }
    skip { next }
    { print; last = $0 }
    END { if (!done) emit() }' "$doc" >"$tmp"
  # a replaced section is followed by exactly one blank line; drop a trailing blank line at the end of the file
  awk '{ lines[NR] = $0 } END { n = NR; while (n > 0 && lines[n] == "") n--; for (i = 1; i <= n; i++) print lines[i] }' "$tmp" >"$doc"
  rm -f "$tmp"
}

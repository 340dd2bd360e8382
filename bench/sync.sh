#!/usr/bin/env bash
# Benchmarks two-way Directus sync: a real Directus 12.4.0 (from .ci/directus.sh's cache) and a real
# Vellum on temp data dirs, both on loopback. Usage: bench/sync.sh [items] (default 10000; at least 200).
# Prints the five figures of issue 12: pull of n items, push of n, incremental run (10 changed each side),
# no-change run, live change visible in Vellum; each with the run's Directus request count.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/.mvn/find-jdk.sh"
"$here/.ci/directus.sh" >&2
jar="$here/vellum-server/target/vellum.jar"
# (re)build when the jar is missing or older than any source, so the figures are of the code checked out
if [ ! -f "$jar" ] || [ -n "$(find "$here/vellum-server/src/main" "$here/vellum-server/pom.xml" -newer "$jar" -print -quit)" ]; then
  "$here/mvnw" -q -B -o package -DskipTests -pl vellum-server -am >&2
fi
items="${1:-10000}"
[ "$items" -ge 200 ] || { echo "usage: bench/sync.sh [items ≥ 200] (default 10000)" >&2; exit 2; }
home="${VELLUM_DIRECTUS_HOME:-$HOME/.cache/vellum/directus-12.4.0}"
data=$(mktemp -d)
mkdir -p "$data/uploads" "$data/extensions" "$data/vellum"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
dport=$(free_port); vport=$(free_port)
dtoken="bench-directus-token-$(date +%s)"; vtoken="bench-admin-token-$(date +%s)"
trap 'kill $directus $server 2>/dev/null || true; rm -rf "$data"' EXIT
export CONFIG_PATH="$data/none.env" HOST=127.0.0.1 PORT=$dport PUBLIC_URL=http://127.0.0.1:$dport DB_CLIENT=sqlite3 \
  DB_FILENAME="$data/directus.db" KEY=bench SECRET=bench-secret-0123456789abcdef0123456789 ADMIN_EMAIL=admin@example.com \
  ADMIN_PASSWORD=bench-password ADMIN_TOKEN=$dtoken TELEMETRY=false TELEMETRY_URL=http://127.0.0.1:9 COMPLIANCE_URL=http://127.0.0.1:9 \
  MARKETPLACE_REGISTRY=http://127.0.0.1:9 PROJECT_OWNER_ENABLED=false AI_ENABLED=false MCP_ENABLED=false STORAGE_LOCATIONS=local \
  STORAGE_LOCAL_ROOT="$data/uploads" EXTENSIONS_PATH="$data/extensions" WEBSOCKETS_ENABLED=true RATE_LIMITER_ENABLED=false LOG_LEVEL=warn
(cd "$home" && node node_modules/@directus/api/dist/cli/run.js bootstrap > "$data/bootstrap.log" 2>&1)
(cd "$home" && exec node node_modules/@directus/api/dist/cli/run.js start > "$data/directus.log" 2>&1) &
directus=$!
VELLUM_DATA_DIR="$data/vellum" VELLUM_PORT=$vport VELLUM_HOST=127.0.0.1 VELLUM_BOOTSTRAP_TOKEN="$vtoken" \
VELLUM_OUTBOUND_ALLOWLIST=127.0.0.1 VELLUM_ACCESS_LOG_LEVEL=OFF VELLUM_RATE_LIMIT_PER_MINUTE=0 \
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m --enable-native-access=ALL-UNNAMED \
  -jar "$here/vellum-server/target/vellum.jar" serve > "$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$dport/server/ping" >/dev/null 2>&1 && break; sleep 0.5; done
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$vport/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)," \
  "node $(node --version), Directus 12.4.0 on SQLite, Vellum on SQLite, load average before: $(cut -d' ' -f1-3 /proc/loadavg), date: $(date -u +%F)"
"$JAVA_HOME/bin/java" "$here/bench/SyncBench.java" "http://127.0.0.1:$vport" "$vtoken" "http://127.0.0.1:$dport" "$dtoken" "$items"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

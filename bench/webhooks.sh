#!/usr/bin/env bash
# Benchmarks webhooks, inbound hooks and scheduled publishing against a fresh server on this machine.
# Usage: bench/webhooks.sh [changes per second] [seconds]      (defaults: 200 15)
# Set VELLUM_DATABASE_URL to run on PostgreSQL instead of a temporary SQLite database.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/.mvn/find-jdk.sh"
"$here/mvnw" -q -B package -DskipTests -pl vellum-server -am >&2
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
token="bench-admin-token-$(date +%s)"
trap 'kill $server 2>/dev/null || true; grep -E "WARN|ERROR|failed" "$data/server.log" | head -20 >&2 || true; rm -rf "$data"' EXIT
VELLUM_DATA_DIR="$data" VELLUM_PORT=$port VELLUM_HOST=127.0.0.1 VELLUM_BOOTSTRAP_TOKEN="$token" \
VELLUM_OUTBOUND_ALLOWLIST=127.0.0.1 VELLUM_ACCESS_LOG_LEVEL=OFF VELLUM_RATE_LIMIT_PER_MINUTE=0 \
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m --enable-native-access=ALL-UNNAMED \
  -jar "$here/vellum-server/target/vellum.jar" serve > "$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)," \
  "database: $([ -n "${VELLUM_DATABASE_URL:-}" ] && echo "PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'SHOW server_version' 2>/dev/null)" || echo 'SQLite (temp dir)')," \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg), date: $(date -u +%F)"
echo
"$JAVA_HOME/bin/java" "$here/bench/WebhookBench.java" "http://127.0.0.1:$port" "$token" "${1:-200}" "${2:-15}"

# The peers Vellum is measured against, installed once into ~/.cache/vellum (never into the repository) and
# started on SQLite on loopback. Sourced by run.sh and compare.sh after ../lib.sh; they define log() and TMP.
#
#   ensure_directus; start_directus PORT        → D (base URL), DX_PID, DX_TOKEN, DX_JOURNAL, DX_API_VERSION, DX_PKG_VERSION
#   ensure_strapi;   start_strapi PORT          → S (base URL), ST_PID, ST_TOKEN, ST_JOURNAL
#   stop_peers                                  (for the caller's clean-up trap)
PEERS_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIRECTUS_VERSION=12.4.0
DX_HOME=${DIRECTUS_HOME:-$HOME/.cache/vellum/directus-$DIRECTUS_VERSION}
DX_TOKEN=bench-directus-admin-token-0123456789
DX_RUN=node_modules/@directus/api/dist/cli/run.js
# 5.55.x is not complete in the npm registry reachable here (@strapi/admin@5.55.1 is missing)
STRAPI_VERSION=${STRAPI_VERSION:-5.54.0}
ST_HOME=${STRAPI_HOME:-$HOME/.cache/vellum/strapi-$STRAPI_VERSION}
DX_PID=
ST_PID=

ensure_directus() {
  # .ci/directus.sh installs the same version into the same place for the sync tests, marking it .installed: either will do
  if { [ -f "$DX_HOME/.vellum-installed" ] || [ -f "$DX_HOME/.installed" ]; } && [ -f "$DX_HOME/$DX_RUN" ]; then :; else
    log "installing directus@$DIRECTUS_VERSION into $DX_HOME (once; ~3–10 minutes, ~730 MB)…"
    rm -rf "$DX_HOME"
    mkdir -p "$DX_HOME"
    (cd "$DX_HOME" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "directus@$DIRECTUS_VERSION")
    [ -f "$DX_HOME/$DX_RUN" ] || { echo "directus install incomplete in $DX_HOME" >&2; exit 1; }
    touch "$DX_HOME/.vellum-installed" "$DX_HOME/.installed" # the sync tests (DirectusServer) look for .installed
  fi
  DX_API_VERSION=$(node -p "require('$DX_HOME/node_modules/@directus/api/package.json').version")
  DX_PKG_VERSION=$(node -p "require('$DX_HOME/node_modules/directus/package.json').version")
  [ "$DX_PKG_VERSION" = "$DIRECTUS_VERSION" ] || { echo "expected directus $DIRECTUS_VERSION in $DX_HOME, found $DX_PKG_VERSION" >&2; exit 1; }
}

# start_directus PORT: a fresh Directus on SQLite in $TMP/directus, with the side-by-side collection
start_directus() {
  D=http://127.0.0.1:$1
  mkdir -p "$TMP/directus/uploads" "$TMP/directus/extensions"
  # Environment only (a .env would override it: CONFIG_PATH points at a file that does not exist), loopback only,
  # nothing outbound. Caching is left at Directus' defaults, stated explicitly: no data cache, schema cached in memory.
  # LOG_LEVEL=warn drops Directus' per-request log lines, as VELLUM_ACCESS_LOG_LEVEL=OFF does for Vellum.
  local env=(env -i PATH="$PATH" HOME="$HOME" NODE_ENV=production
    CONFIG_PATH="$TMP/directus/no-such-config.env"
    HOST=127.0.0.1 PORT="$1" PUBLIC_URL="$D"
    DB_CLIENT=sqlite3 DB_FILENAME="$TMP/directus/data.db"
    KEY=bench-directus-key-0123456789abcdef SECRET=bench-directus-secret-0123456789abcdef0123
    ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=bench-directus-password ADMIN_TOKEN="$DX_TOKEN"
    TELEMETRY=false TELEMETRY_URL=http://127.0.0.1:9 COMPLIANCE_URL=http://127.0.0.1:9 MARKETPLACE_REGISTRY=http://127.0.0.1:9
    PROJECT_OWNER_ENABLED=false AI_ENABLED=false MCP_ENABLED=false
    STORAGE_LOCATIONS=local STORAGE_LOCAL_ROOT="$TMP/directus/uploads" EXTENSIONS_PATH="$TMP/directus/extensions"
    CACHE_ENABLED=false CACHE_SCHEMA=true RATE_LIMITER_ENABLED=false LOG_LEVEL=warn)
  log "bootstrapping Directus $DX_PKG_VERSION (fresh SQLite database)"
  (cd "$DX_HOME" && "${env[@]}" node "$DX_RUN" bootstrap) >"$TMP/directus-bootstrap.log" 2>&1
  # Vellum runs SQLite in WAL mode; Directus leaves SQLite's default rollback journal. WAL is a property of the
  # database file, so it is switched on here, before Directus starts, to give Directus the same cheaper commits
  # (Directus keeps SQLite's default synchronous=FULL; Vellum uses NORMAL). DIRECTUS_WAL=0 keeps Directus' default.
  DX_JOURNAL=delete
  if [ "${DIRECTUS_WAL:-1}" = 1 ]; then
    DX_JOURNAL=$(cd "$DX_HOME" && node -e '
      const db = new (require("sqlite3").Database)(process.argv[1]);
      db.get("PRAGMA journal_mode=WAL", (e, r) => { if (e) throw e; console.log(r.journal_mode); db.close(); });' "$TMP/directus/data.db")
  fi
  (cd "$DX_HOME" && exec "${env[@]}" node "$DX_RUN" start) >"$TMP/directus.log" 2>&1 &
  DX_PID=$!
  for i in $(seq 1 900); do
    curl -sf "$D/server/ping" >/dev/null 2>&1 && break
    kill -0 "$DX_PID" 2>/dev/null || { echo "Directus died" >&2; exit 1; }
    [ "$i" = 900 ] && { echo "Directus not answering after 180 s" >&2; exit 1; }
    sleep 0.2
  done
  curl -sf -X POST "$D/collections" -H "Authorization: Bearer $DX_TOKEN" -H 'Content-Type: application/json' \
    -d @"$PEERS_HERE/directus-collection.json" >/dev/null || { echo "Directus refused the posts collection" >&2; exit 1; }
  log "Directus ready on $D"
}

# Strapi 5 from the npm registry. Its better-sqlite3 has no prebuilt binary reachable here (they are downloaded from
# GitHub), so npm builds it from source with node-gyp against the installed Node's headers (npm's nodedir): needs
# python3, make and g++, and takes minutes.
ensure_strapi() {
  if [ -f "$ST_HOME/.vellum-installed" ] && [ -f "$ST_HOME/node_modules/@strapi/strapi/bin/strapi.js" ]; then :; else
    log "installing @strapi/strapi@$STRAPI_VERSION into $ST_HOME (once; better-sqlite3 is compiled from source: many minutes)…"
    rm -rf "$ST_HOME"
    mkdir -p "$ST_HOME"
    (cd "$ST_HOME" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "@strapi/strapi@$STRAPI_VERSION" \
      "@strapi/plugin-users-permissions@$STRAPI_VERSION" better-sqlite3@12.4.1 react@18 react-dom@18 react-router-dom@6 styled-components@6)
    (cd "$ST_HOME" && node -e 'new (require("better-sqlite3"))(":memory:").close()') \
      || { echo "better-sqlite3 did not build in $ST_HOME" >&2; exit 1; }
    touch "$ST_HOME/.vellum-installed"
  fi
}

# st_sql FILE SQL…: runs statements on a Strapi database file with Strapi's own better-sqlite3; prints the last result
st_sql() {
  (cd "$ST_HOME" && node -e '
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.pragma("busy_timeout = 10000");
    let last;
    for (const s of process.argv.slice(2)) last = s.trim().toLowerCase().startsWith("pragma") ? db.pragma(s.replace(/^pragma\s+/i, ""), {simple: true}) : db.exec(s);
    if (typeof last === "string") console.log(last);
    db.close();' "$@")
}

# start_strapi PORT: a fresh Strapi on SQLite in $TMP/strapi (app: strapi-app/), a full-access API token in ST_TOKEN
start_strapi() {
  S=http://127.0.0.1:$1
  rm -rf "$TMP/strapi"
  mkdir -p "$TMP/strapi"
  cp -r "$PEERS_HERE/strapi-app" "$TMP/strapi/app"
  ln -s "$ST_HOME/node_modules" "$TMP/strapi/app/node_modules"
  mkdir -p "$TMP/strapi/app/public/uploads"
  # WAL is a property of the database file: made here, empty, before Strapi creates its tables (as for Directus)
  ST_JOURNAL=delete
  if [ "${STRAPI_WAL:-1}" = 1 ]; then ST_JOURNAL=$(st_sql "$TMP/strapi/data.db" "PRAGMA journal_mode = WAL"); fi
  (cd "$TMP/strapi/app" && exec env -i PATH="$PATH" HOME="$HOME" NODE_ENV=production STRAPI_TELEMETRY_DISABLED=true \
    STRAPI_DISABLE_UPDATE_NOTIFICATION=true PORT="$1" DATABASE_FILENAME="$TMP/strapi/data.db" TOKEN_FILE="$TMP/strapi/token" \
    node node_modules/@strapi/strapi/bin/strapi.js start) >"$TMP/strapi.log" 2>&1 &
  ST_PID=$!
  for i in $(seq 1 900); do
    [ -s "$TMP/strapi/token" ] && curl -sf "$S/_health" >/dev/null 2>&1 && break
    kill -0 "$ST_PID" 2>/dev/null || { tail -20 "$TMP/strapi.log" >&2; echo "Strapi died" >&2; exit 1; }
    [ "$i" = 900 ] && { echo "Strapi not answering after 180 s" >&2; exit 1; }
    sleep 0.2
  done
  ST_TOKEN=$(cat "$TMP/strapi/token")
  # the same indexes Vellum and Directus have (Strapi's schema declares only the unique slug): one per scalar field
  local f stmts=()
  for f in title status views score featured publish_date summary color; do stmts+=("CREATE INDEX IF NOT EXISTS posts_${f}_bench ON posts ($f)"); done
  st_sql "$TMP/strapi/data.db" "${stmts[@]}" >/dev/null
  log "Strapi $STRAPI_VERSION ready on $S (journal $ST_JOURNAL)"
}

stop_peers() {
  if [ -n "$DX_PID" ]; then kill "$DX_PID" 2>/dev/null && wait "$DX_PID" 2>/dev/null; fi
  if [ -n "$ST_PID" ]; then kill "$ST_PID" 2>/dev/null && wait "$ST_PID" 2>/dev/null; fi
  return 0
}

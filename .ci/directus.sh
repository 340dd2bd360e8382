#!/usr/bin/env bash
# Installs Directus 12.4.0 (the version the sync tests run against) into a cache outside the
# repository, once. Idempotent: a complete install (marker file) is reused. The sync tests start
# one instance per test run from here (dev.vellum.testing.DirectusServer).
# Facts: /work/shared/DIRECTUS.md; 12.4.1 fails to install (missing @directus/app), so pin 12.4.0.
set -euo pipefail
VERSION="${DIRECTUS_VERSION:-12.4.0}"
DIR="${VELLUM_DIRECTUS_HOME:-$HOME/.cache/vellum/directus-$VERSION}"
MARKER="$DIR/.installed"

if [ -f "$MARKER" ]; then
  echo "directus $VERSION already installed in $DIR"
  exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node/npm not found: the Directus sync tests will skip" >&2
  exit 0
fi

mkdir -p "$DIR"
cd "$DIR"
# An empty package.json first, or npm installs into a parent project.
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "directus@$VERSION"
test -f node_modules/@directus/api/dist/cli/run.js
touch "$MARKER"
echo "directus $VERSION installed in $DIR"

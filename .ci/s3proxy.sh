#!/usr/bin/env bash
# Installs S3Proxy (a real S3-compatible server from Maven Central) for the asset store tests, which
# start it themselves as a child process (filesystem backend). Idempotent: the jars are cached in
# ~/.cache/vellum/s3proxy/lib; the tests look there (or in VELLUM_TEST_S3PROXY_LIB).
set -euo pipefail
cd "$(dirname "$0")/.."
lib="${VELLUM_TEST_S3PROXY_LIB:-$HOME/.cache/vellum/s3proxy/lib}"
if ls "$lib"/s3proxy-*.jar >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$lib"
./mvnw -B -ntp -q -f .ci/s3proxy/pom.xml dependency:copy-dependencies -DoutputDirectory="$lib"

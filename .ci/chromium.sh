#!/usr/bin/env bash
# Headless Chromium and its WebDriver for the admin UI's browser tests (Debian packages), plus axe-core
# from the npm registry into a cache outside the repository. Idempotent; apt-get update at most once.
set -euo pipefail
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if command -v apt-get >/dev/null 2>&1; then
    marker="${HOME}/.cache/vellum/apt-updated"
    mkdir -p "$(dirname "$marker")"
    if [ ! -f "$marker" ]; then
      apt-get update -qq && touch "$marker"
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null || \
      echo "chromium: install failed; the browser tests will skip and say so" >&2
  else
    echo "chromium: no apt-get; the browser tests will skip and say so" >&2
  fi
fi
# axe-core (accessibility rules) for the browser tests: one packed tarball, cached.
axe_dir="${HOME}/.cache/vellum/axe-core"
if [ ! -f "$axe_dir/axe.min.js" ] && command -v npm >/dev/null 2>&1; then
  mkdir -p "$axe_dir"
  ( cd "$axe_dir" && tgz=$(npm pack axe-core@4 --silent 2>/dev/null | tail -n 1) \
      && tar -xzf "$tgz" package/axe.min.js && mv package/axe.min.js axe.min.js && rm -rf package "$tgz" ) || \
    echo "axe-core: npm pack failed; the accessibility scans will skip and say so" >&2
fi

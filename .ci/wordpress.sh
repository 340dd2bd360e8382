#!/usr/bin/env bash
# Installs what the live-WordPress import tests need: Debian's wordpress (6.1), php-cli and php-mysql,
# plus MariaDB when it is missing. Idempotent; `apt-get update` runs at most once per machine (marker
# file under ~/.cache/vellum). The tests themselves copy the WordPress tree, create a database, install
# and serve it with PHP's built-in server (see vellum-server/src/test/.../importers/LiveWordPress.java).
set -euo pipefail
marker="$HOME/.cache/vellum/apt-updated"
need=()
[ -d /usr/share/wordpress ] || need+=(wordpress wordpress-theme-twentytwentythree)
command -v php >/dev/null 2>&1 || need+=(php-cli)
php -m 2>/dev/null | grep -qi mysqli || need+=(php-mysql)
command -v mariadb >/dev/null 2>&1 || command -v mysql >/dev/null 2>&1 || need+=(mariadb-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "wordpress.sh: not root, cannot install ${need[*]}: the live WordPress tests will skip" >&2
    exit 0
  fi
  mkdir -p "$(dirname "$marker")"
  if [ ! -f "$marker" ]; then
    apt-get update -qq && touch "$marker"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# MariaDB on 127.0.0.1:3306 (root over TCP without a password, as Debian's default unix-socket setup allows from root)
if ! (echo 'SELECT 1' | mariadb -h 127.0.0.1 -u root >/dev/null 2>&1); then
  if command -v service >/dev/null 2>&1; then service mariadb start >/dev/null 2>&1 || true; fi
  # machines without an init system: start the server the way the machine's own start-up does
  if ! (echo 'SELECT 1' | mariadb -h 127.0.0.1 -u root >/dev/null 2>&1) && [ -x /usr/sbin/mariadbd ]; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
    for _ in $(seq 1 30); do (echo 'SELECT 1' | mariadb -h 127.0.0.1 -u root >/dev/null 2>&1) && break; sleep 1; done
  fi
fi
echo "wordpress.sh: $(dpkg-query -W -f='wordpress ${Version}' wordpress 2>/dev/null || echo 'wordpress absent'), $(php -r 'echo "php ", PHP_VERSION;' 2>/dev/null || echo 'php absent')"

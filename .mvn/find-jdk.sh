# Sourced by ./mvnw and ./vellum: points JAVA_HOME at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, the `java` on PATH if it is 21+, then the newest JDK under /usr/lib/jvm.
vellum_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
vellum_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(vellum_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 21 ] && return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(vellum_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* 2>/dev/null | sort -rV); do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(vellum_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  done
  echo "vellum: no JDK 21 or newer found. Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21) or set JAVA_HOME." >&2
  return 1
}
vellum_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"

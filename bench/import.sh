#!/usr/bin/env bash
# Import benchmark: WXR with images from a local HTTP server, a no-change re-run, 10,000 posts in a 512 MB heap,
# and JSON rows per second. In-process (the CLI's local mode) on a temporary SQLite database, or on
# PostgreSQL when VELLUM_DATABASE_URL is set. Usage: bench/import.sh [posts] [big posts] [json rows]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/.mvn/find-jdk.sh"
# VELLUM_JAR: a built jar to measure (e.g. a copy taken before a change); else the tree's, built here
if [ -z "${VELLUM_JAR:-}" ]; then
  "$here/mvnw" -q -B -o package -DskipTests -pl vellum-server -am >&2 || "$here/mvnw" -q -B package -DskipTests -pl vellum-server -am >&2
fi
jar=${VELLUM_JAR:-$here/vellum-server/target/vellum.jar}
image=$(mktemp --suffix=.jpg)
trap 'rm -f "$image"' EXIT
# a real 1200x800 JPEG (~60 KB), made by the JDK
cat > "${image%.jpg}.java" <<'JAVA'
import java.awt.*; import java.awt.image.*; import javax.imageio.*; import java.io.*;
public class MakeImage { public static void main(String[] a) throws Exception {
  BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB); Graphics2D g = img.createGraphics();
  for (int i = 0; i < 40; i++) { g.setColor(new Color(i * 6, 255 - i * 6, (i * 37) % 255)); g.fillRect(i * 30, 0, 30, 800); }
  g.dispose(); ImageIO.write(img, "jpg", new File(a[0])); } }
JAVA
"$JAVA_HOME/bin/java" "${image%.jpg}.java" "$image"; rm -f "${image%.jpg}.java"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)," \
  "database: $([ -n "${VELLUM_DATABASE_URL:-}" ] && echo PostgreSQL || echo 'SQLite (temp dir)'), load average before: $(cut -d' ' -f1-3 /proc/loadavg), date: $(date -u +%F)"
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -Dbench.image="$image" \
  -cp "$jar" "$here/bench/ImportBench.java" "$@" 2>&1 | grep -v '^{"timestamp"'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

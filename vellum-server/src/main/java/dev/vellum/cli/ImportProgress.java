package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.importers.ImportContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Shows an import's progress: a bar redrawn in place on a terminal, plain lines (one per phase and
 * every 10 %) otherwise; then a summary table of the counts.
 */
final class ImportProgress implements ImportContext {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private String phase;
    private long lastTenth = -1;
    private long lastDraw;

    ImportProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static boolean isTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public synchronized void progress(String phase, long done, long total) {
        boolean newPhase = !phase.equals(this.phase);
        if (newPhase && this.phase != null && terminal) out.println();
        this.phase = phase;
        if (terminal) {
            long now = System.nanoTime();
            if (!newPhase && done != total && now - lastDraw < 100_000_000L) return;
            lastDraw = now;
            out.print("\r" + line(phase, done, total));
            out.flush();
            return;
        }
        long tenth = total > 0 ? done * 10 / total : -1;
        if (newPhase || (tenth != lastTenth && total > 0)) {
            out.println(line(phase, done, total));
            out.flush();
        }
        lastTenth = tenth;
    }

    static String line(String phase, long done, long total) {
        if (total <= 0) return String.format(Locale.ROOT, "%-10s %d", phase, done);
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        return String.format(Locale.ROOT, "%-10s [%s%s] %d/%d", phase, "#".repeat(filled), "-".repeat(WIDTH - filled), done, total);
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    /** The end: a newline after a bar, then the counts as a table. */
    synchronized void summary(JsonNode counts) {
        if (terminal && phase != null) out.println();
        out.println();
        out.println("  created  updated  unchanged  skipped  failed");
        out.println(String.format(Locale.ROOT, "  %7d  %7d  %9d  %7d  %6d", counts.path("created").asLong(), counts.path("updated").asLong(),
                counts.path("unchanged").asLong(), counts.path("skipped").asLong(), counts.path("failed").asLong()));
        out.flush();
    }

    synchronized void failures(List<String> lines) {
        if (lines.isEmpty()) return;
        out.println();
        out.println("  failed items:");
        lines.forEach(l -> out.println("    " + l));
        out.flush();
    }
}

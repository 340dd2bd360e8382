package dev.vellum.webhooks;

import dev.vellum.changes.ChangeKind;
import java.util.List;

/**
 * The events a webhook subscribes to: exact names ({@code entry.created}), a family with a wildcard
 * ({@code entry.*}, {@code collection.*}, {@code site.*}), or {@code *} for all.
 */
public record EventFilter(List<String> patterns) {
    public EventFilter {
        patterns = List.copyOf(patterns);
    }

    /** Whether {@code pattern} names at least one event Vellum sends. */
    public static boolean valid(String pattern) {
        if (pattern.equals("*")) return true;
        if (pattern.endsWith(".*")) {
            String family = pattern.substring(0, pattern.length() - 1);
            for (ChangeKind k : ChangeKind.values()) if (k.wire().startsWith(family)) return true;
            return false;
        }
        return ChangeKind.parse(pattern).isPresent();
    }

    public boolean matches(String event) {
        for (String p : patterns) {
            if (p.equals("*") || p.equals(event)) return true;
            if (p.endsWith(".*") && event.startsWith(p.substring(0, p.length() - 1))) return true;
        }
        return false;
    }
}

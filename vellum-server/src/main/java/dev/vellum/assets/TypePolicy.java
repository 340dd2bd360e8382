package dev.vellum.assets;

import java.util.List;
import java.util.Locale;

/** The allow-list of sniffed content types: exact types, or families written {@code type/*} (or {@code prefix*}). */
public record TypePolicy(List<String> patterns) {
    public TypePolicy {
        patterns = patterns.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).toList();
    }

    public boolean allows(String contentType) {
        for (String p : patterns) {
            if (p.equals("*") || p.equals("*/*") || p.equals(contentType)) return true;
            if (p.endsWith("*") && contentType.startsWith(p.substring(0, p.length() - 1))) return true;
        }
        return false;
    }
}

package dev.vellum.sync;

/**
 * A connection's options. {@code conflicts}: {@code field} (changes to different fields merge) or
 * {@code item} (the plugin's rule: any change on both sides is a conflict). {@code alwaysOverwrite}:
 * the run's source side wins instead of recording a conflict. {@code deletes}: propagate deletions
 * (off by default). {@code assets}: keep Directus asset URLs ({@code url}) or re-host them in Vellum
 * ({@code rehost}). {@code scheduleMinutes}: sync both ways every so many minutes (null: never).
 * {@code live}: subscribe to Directus' WebSocket and pull each change as it happens.
 */
public record SyncOptions(boolean alwaysOverwrite, String conflicts, boolean deletes, String assets, Integer scheduleMinutes,
                          boolean live) {
    public static final SyncOptions DEFAULTS = new SyncOptions(false, "field", false, "url", null, false);

    public boolean itemConflicts() {
        return "item".equals(conflicts);
    }
}

package dev.vellum.admin;

/** Stored UTC timestamps shown compactly; the browser script rewrites <time> elements into local time. */
final class Times {
    private Times() {}

    static String utc(String utc) {
        if (utc == null) return "";
        String s = utc.replace('T', ' ');
        int dot = s.indexOf('.');
        return (dot > 0 ? s.substring(0, dot) : s.replace("Z", "")) + " UTC";
    }
}

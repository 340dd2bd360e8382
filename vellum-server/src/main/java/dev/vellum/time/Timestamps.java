package dev.vellum.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Timestamps as Vellum keeps them: UTC, millisecond precision, fixed width, so text order is time order. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static String now() {
        return format(Instant.now());
    }


    /**
     * Whether {@code s} is already a timestamp as Vellum keeps it ({@code 2026-01-01T10:00:00.000Z}, a real date and
     * time), so that parsing and formatting it again would give it back: the common case, checked without parsing.
     */
    public static boolean isCanonical(String s) {
        if (s.length() != 24 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(23) != 'Z') {
            return false;
        }
        for (int i = 0; i < 23; i++) {
            if ((i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == 19)) continue;
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        int month = Integer.parseInt(s, 5, 7, 10);
        int day = Integer.parseInt(s, 8, 10, 10);
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) return false;
        return Integer.parseInt(s, 11, 13, 10) < 24 && Integer.parseInt(s, 14, 16, 10) < 60 && Integer.parseInt(s, 17, 19, 10) < 60;
    }

    /** Parses an ISO 8601 date-time with an offset or {@code Z}. */
    public static Instant parse(String s) throws DateTimeParseException {
        try {
            return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            return Instant.parse(s).truncatedTo(ChronoUnit.MILLIS);
        }
    }
}

package dev.vellum.admin;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import java.util.HashMap;
import java.util.Map;

/** Turning the services' errors into what forms show: one message, and messages per field. */
final class Forms {
    private Forms() {}

    /** The detail, followed by each field error when there are some. */
    static String message(VellumException e) {
        if (e.errors().isEmpty()) return e.detail();
        StringBuilder b = new StringBuilder(e.detail()).append(':');
        for (FieldError f : e.errors()) b.append(' ').append(f.field()).append(" ").append(f.message()).append(';');
        return b.substring(0, b.length() - 1);
    }

    /** Field errors keyed by their path (e.g. {@code fields.title}); the first one per field wins. */
    static Map<String, String> byField(VellumException e) {
        Map<String, String> out = new HashMap<>();
        for (FieldError f : e.errors()) out.putIfAbsent(f.field(), f.message());
        return out;
    }

    static boolean checked(String v) {
        return v != null && (v.equals("on") || v.equals("true"));
    }

    static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}

package dev.vellum.client;

import java.util.Locale;

/** How rich-text fields come back: the JSON document (default), {@code {"html": …}} or {@code {"markdown": …}}. */
public enum RichTextFormat {
    JSON, HTML, MARKDOWN;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

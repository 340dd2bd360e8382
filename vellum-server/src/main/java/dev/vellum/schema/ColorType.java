package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.storage.Dialect.ColumnKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A colour: {@code #rgb}, {@code #rgba}, {@code #rrggbb}, {@code #rrggbbaa}, {@code rgb(r, g, b)} or
 * {@code rgba(r, g, b, a)}; kept as lowercase {@code #rrggbb}, or {@code #rrggbbaa} when not opaque.
 */
public record ColorType() implements FieldType {
    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})");
    private static final Pattern RGB = Pattern.compile(
            "rgba?\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*(?:,\\s*(\\d*\\.?\\d+)\\s*)?\\)");

    @Override public String name() { return "color"; }
    @Override public ColumnKind column() { return ColumnKind.TEXT; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        String s = Values.text(value, "a colour string").strip().toLowerCase(Locale.ROOT);
        Matcher hex = HEX.matcher(s);
        if (hex.matches()) return TextNode.valueOf(fromHex(hex.group(1)));
        Matcher rgb = RGB.matcher(s);
        if (rgb.matches()) return TextNode.valueOf(fromRgb(rgb));
        throw new InvalidValue("invalid_color", "must be #rrggbb, #rrggbbaa, rgb(…) or rgba(…)");
    }

    private static String fromHex(String digits) {
        String full = digits;
        if (digits.length() <= 4) {
            StringBuilder sb = new StringBuilder();
            for (char c : digits.toCharArray()) sb.append(c).append(c);
            full = sb.toString();
        }
        if (full.length() == 8 && full.endsWith("ff")) full = full.substring(0, 6);
        return "#" + full;
    }

    private static String fromRgb(Matcher m) throws InvalidValue {
        StringBuilder sb = new StringBuilder("#");
        for (int i = 1; i <= 3; i++) {
            int c = Integer.parseInt(m.group(i));
            if (c > 255) throw new InvalidValue("invalid_color", "rgb components must be 0–255");
            sb.append(String.format("%02x", c));
        }
        if (m.group(4) != null) {
            double a = Double.parseDouble(m.group(4));
            if (a > 1) throw new InvalidValue("invalid_color", "alpha must be between 0 and 1");
            int alpha = (int) Math.round(a * 255);
            if (alpha != 255) sb.append(String.format("%02x", alpha));
        }
        return sb.toString();
    }

    @Override public void writeOptions(ObjectNode field) {}
}

package dev.vellum.importers.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * A Markdown file split into front matter and body: YAML between {@code ---} lines (Jekyll, Hugo,
 * Astro), TOML between {@code +++} lines (Hugo), or a JSON object first (Hugo).
 */
record FrontMatter(ObjectNode data, String body) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Front matter that cannot be read. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static FrontMatter parse(String text) throws Malformed {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String fence : new String[] {"---", "+++"}) {
            if (!t.startsWith(fence + "\n") && !t.startsWith(fence + "\r\n")) continue;
            int start = t.indexOf('\n') + 1;
            int end = findFence(t, fence, start);
            if (end < 0) throw new Malformed("the front matter opened with " + fence + " is not closed");
            String head = t.substring(start, end);
            int bodyStart = t.indexOf('\n', end);
            String body = bodyStart < 0 ? "" : t.substring(bodyStart + 1);
            return new FrontMatter(fence.equals("---") ? yaml(head) : Toml.parse(head), body);
        }
        if (t.startsWith("{")) {
            try {
                var p = JSON.getFactory().createParser(t);
                JsonNode n = JSON.readTree(p);
                if (n instanceof ObjectNode o) return new FrontMatter(o, t.substring((int) p.currentLocation().getCharOffset()).stripLeading());
            } catch (IOException e) {
                // not JSON front matter: a body that starts with '{'
            }
        }
        return new FrontMatter(JsonNodeFactory.instance.objectNode(), t);
    }

    private static int findFence(String t, String fence, int from) {
        int i = from;
        while (i < t.length()) {
            int eol = t.indexOf('\n', i);
            String line = (eol < 0 ? t.substring(i) : t.substring(i, eol)).strip();
            if (line.equals(fence)) return i;
            if (eol < 0) return -1;
            i = eol + 1;
        }
        return -1;
    }

    private static ObjectNode yaml(String head) throws Malformed {
        if (head.isBlank()) return JsonNodeFactory.instance.objectNode();
        try {
            JsonNode n = YAML.readTree(head);
            if (n instanceof ObjectNode o) return o;
            throw new Malformed("the YAML front matter is not a mapping of keys to values");
        } catch (IOException e) {
            throw new Malformed("the YAML front matter is not valid: " + e.getMessage().split("\n")[0]);
        }
    }

    /** Enough TOML for front matter: {@code key = value} with strings, numbers, booleans, dates and arrays; tables nest. */
    static final class Toml {
        private Toml() {}

        static ObjectNode parse(String head) throws Malformed {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ObjectNode table = root;
            int n = 0;
            for (String raw : head.split("\n")) {
                n++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("[") && line.endsWith("]") && !line.contains("=")) {
                    table = root;
                    for (String part : line.replaceAll("^\\[+|\\]+$", "").split("\\.")) table = table.with(unquote(part.strip()));
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) throw new Malformed("TOML front matter line " + n + " is not key = value");
                table.set(unquote(line.substring(0, eq).strip()), value(line.substring(eq + 1).strip(), n));
            }
            return root;
        }

        private static JsonNode value(String v, int line) throws Malformed {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (v.startsWith("\"") || v.startsWith("'")) {
                char q = v.charAt(0);
                int end = v.indexOf(q, 1);
                if (end < 0) throw new Malformed("TOML front matter line " + line + ": a string is not closed");
                String s = v.substring(1, end);
                return f.textNode(q == '"' ? s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\") : s);
            }
            if (v.startsWith("[")) {
                ArrayNode a = f.arrayNode();
                String inner = v.substring(1, v.lastIndexOf(']') < 0 ? v.length() : v.lastIndexOf(']')).strip();
                for (String item : inner.split(",(?=(?:[^\"']*[\"'][^\"']*[\"'])*[^\"']*$)")) {
                    if (!item.isBlank()) a.add(value(item.strip(), line));
                }
                return a;
            }
            String bare = v.contains(" #") ? v.substring(0, v.indexOf(" #")).strip() : v;
            if (bare.equals("true") || bare.equals("false")) return f.booleanNode(bare.equals("true"));
            if (bare.matches("[-+]?\\d+")) return f.numberNode(Long.parseLong(bare));
            if (bare.matches("[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?")) return f.numberNode(Double.parseDouble(bare));
            return f.textNode(bare); // dates and anything else stay text
        }

        private static String unquote(String s) {
            return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
        }
    }
}

package dev.vellum.richtext.html;

import dev.vellum.richtext.Dropped;
import dev.vellum.richtext.Dropped.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** Counts what a conversion drops, for the {@code dropped} list of an {@link dev.vellum.richtext.HtmlConversion}. */
final class DropReport {
    private final Map<Kind, Map<String, Integer>> counts = new TreeMap<>();

    void add(Kind kind, String name) {
        counts.computeIfAbsent(kind, k -> new TreeMap<>()).merge(name, 1, Integer::sum);
    }

    void element(Element element) {
        add(Kind.ELEMENT, element.normalName());
    }

    void removed(Element element) {
        add(Kind.ELEMENT_WITH_CONTENT, element.normalName());
    }

    /** Reports each attribute of a kept element that the document does not carry. */
    void attributes(Element element, Set<String> kept) {
        for (Attribute attribute : element.attributes()) {
            String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!kept.contains(name)) {
                add(Kind.ATTRIBUTE, element.normalName() + "[" + name + "]");
            }
        }
    }

    void unsafeUrl(Element element, String attribute) {
        add(Kind.UNSAFE_URL, element.normalName() + "[" + attribute + "]");
    }

    List<Dropped> list() {
        List<Dropped> out = new ArrayList<>();
        counts.forEach((kind, names) -> names.forEach((name, count) -> out.add(new Dropped(kind, name, count))));
        out.sort(Comparator.comparing(Dropped::kind).thenComparing(Dropped::name));
        return out;
    }
}

package dev.vellum.richtext.html;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * {@code <pre>} as a code block. The language comes from {@code class="language-x"} or
 * {@code lang-x} on the pre or its code element, from SyntaxHighlighter's {@code class="brush: x"},
 * or from {@code data-language}/{@code data-lang}.
 */
final class CodeBlockReader {
    private static final Pattern CLASS_LANGUAGE = Pattern.compile("(?:^|\\s)(?:language-|lang-)(\\S+)");
    private static final Pattern BRUSH = Pattern.compile("brush:\\s*([^;\\s]+)");

    private CodeBlockReader() {}

    static void read(Element pre, Context context, DropReport report) {
        String language = language(pre);
        String code = ElementText.of(pre, report);
        report.attributes(pre, Set.of("class", "data-language", "data-lang"));
        switch (context.sink()) {
            case Sink.Blocks blocks -> blocks.block(new Block.CodeBlock(language, code));
            case Sink.Inlines inlines -> {
                report.element(pre);
                List<Mark> marks = Mark.with(context.marks(), Mark.CODE);
                String[] lines = code.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        inlines.hardBreak();
                    }
                    inlines.text(lines[i], marks);
                }
            }
        }
    }

    static String language(Element pre) {
        List<Element> candidates = new ArrayList<>(2);
        for (Element child : pre.children()) {
            if (child.normalName().equals("code")) {
                candidates.add(child);
                break;
            }
        }
        candidates.add(pre);
        for (Element candidate : candidates) {
            for (String found : List.of(
                    match(CLASS_LANGUAGE, candidate.className()),
                    match(BRUSH, candidate.className()),
                    candidate.attr("data-language"),
                    candidate.attr("data-lang"))) {
                if (!found.isEmpty() && Block.CodeBlock.LANGUAGE.matcher(found).matches()) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }
}

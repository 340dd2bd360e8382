package dev.vellum.bench;

import dev.vellum.richtext.Document;
import dev.vellum.richtext.HtmlConversion;
import dev.vellum.richtext.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rich-text conversion speed. Targets: a 100 KB HTML post in under 5 ms (median), every post and page
 * of the WordPress theme unit test export in under 200 ms. Sample time, so JMH reports the median.
 * Run from the repository root: {@code java -jar bench/target/benchmarks.jar RichText}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RichTextBenchmark {
    static final int POST_CHARS = 100 * 1024;

    private List<String> posts;
    private String post100k;
    private Document document100k;
    private String markdown100k;

    @Setup
    public void load() throws Exception {
        posts = WordPressExport.postContents(WordPressExport.fixture());
        // A 100 KB post: the export's posts one after another, as real WordPress HTML (block comments,
        // shortcodes, classic markup), repeated until long enough and cut at a tag boundary.
        StringBuilder html = new StringBuilder();
        while (html.length() < POST_CHARS) {
            for (String post : posts) {
                html.append(post).append('\n');
            }
        }
        int cut = html.lastIndexOf("<", POST_CHARS);
        post100k = html.substring(0, cut);
        document100k = RichText.fromHtml(post100k).document();
        markdown100k = RichText.toMarkdown(document100k);
    }

    @Benchmark
    public HtmlConversion htmlPost100k() {
        return RichText.fromHtml(post100k);
    }

    @Benchmark
    public void wordPressExportAllPosts(Blackhole blackhole) {
        for (String post : posts) {
            blackhole.consume(RichText.fromWordPress(post));
        }
    }

    @Benchmark
    public String documentToHtml100k() {
        return RichText.toHtml(document100k);
    }

    @Benchmark
    public String documentToMarkdown100k() {
        return RichText.toMarkdown(document100k);
    }

    @Benchmark
    public Document markdownToDocument100k() {
        return RichText.fromMarkdown(markdown100k);
    }

    /** For the record: the sizes the benchmarks work on. */
    public static void main(String[] args) throws Exception {
        RichTextBenchmark benchmark = new RichTextBenchmark();
        benchmark.load();
        List<Integer> sizes = new ArrayList<>();
        benchmark.posts.forEach(post -> sizes.add(post.length()));
        System.out.printf("posts: %d, %d chars in all; 100k post: %d chars, %d blocks; its Markdown: %d chars%n",
                benchmark.posts.size(), sizes.stream().mapToInt(Integer::intValue).sum(), benchmark.post100k.length(),
                benchmark.document100k.content().size(), benchmark.markdown100k.length());
    }
}

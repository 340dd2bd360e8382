package dev.vellum.richtext;

import static dev.vellum.richtext.Nodes.br;
import static dev.vellum.richtext.Nodes.code;
import static dev.vellum.richtext.Nodes.doc;
import static dev.vellum.richtext.Nodes.h;
import static dev.vellum.richtext.Nodes.image;
import static dev.vellum.richtext.Nodes.li;
import static dev.vellum.richtext.Nodes.ol;
import static dev.vellum.richtext.Nodes.p;
import static dev.vellum.richtext.Nodes.row;
import static dev.vellum.richtext.Nodes.t;
import static dev.vellum.richtext.Nodes.td;
import static dev.vellum.richtext.Nodes.th;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented JSON form, and strict validation with the path of the offending node. */
class DocumentJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static Document read(String text) throws Exception {
        return RichText.fromJson(json(text));
    }

    @Test
    void readsTheDocumentedForm() throws Exception {
        Document document = read("""
                {'type': 'doc', 'version': 1, 'content': [
                  {'type': 'heading', 'attrs': {'level': 2}, 'content': [{'type': 'text', 'text': 'Title'}]},
                  {'type': 'paragraph', 'content': [
                    {'type': 'text', 'text': 'Hello ', 'marks': [{'type': 'bold'}]},
                    {'type': 'text', 'text': 'link', 'marks': [{'type': 'link', 'attrs': {'href': 'https://x.y', 'title': 'T'}}, {'type': 'italic'}]},
                    {'type': 'hardBreak'}, {'type': 'text', 'text': 'end'}]},
                  {'type': 'orderedList', 'attrs': {'start': 3}, 'content': [{'type': 'listItem', 'content': [{'type': 'paragraph', 'content': [{'type': 'text', 'text': 'item'}]}]}]},
                  {'type': 'codeBlock', 'attrs': {'language': 'java'}, 'content': [{'type': 'text', 'text': 'x();'}]},
                  {'type': 'image', 'attrs': {'src': '/a.png', 'alt': 'A', 'link': '/big.png'}, 'caption': [{'type': 'text', 'text': 'cap'}]},
                  {'type': 'table', 'content': [{'type': 'tableRow', 'content': [{'type': 'tableHeader', 'content': [{'type': 'text', 'text': 'h'}]}]},
                                                {'type': 'tableRow', 'content': [{'type': 'tableCell', 'content': [{'type': 'text', 'text': 'd'}]}]}]},
                  {'type': 'embed', 'attrs': {'url': 'https://vimeo.com/1'}},
                  {'type': 'horizontalRule'}
                ]}""");
        assertThat(document).isEqualTo(doc(h(2, t("Title")),
                p(t("Hello ", Mark.BOLD), t("link", new Mark.Link("https://x.y", "T"), Mark.ITALIC), br(), t("end")),
                ol(3, li("item")), code("java", "x();"), image("/a.png", "A", List.of(t("cap")), "/big.png"),
                new Block.Table(row(th("h")), row(td("d"))), new Block.Embed("https://vimeo.com/1"), Block.HORIZONTAL_RULE));
    }

    @Test
    void writesTheDocumentedForm() throws Exception {
        Document document = doc(p(t("a", new Mark.Link("/x", null), Mark.BOLD)), ol(2, li("b")), code(null, "c"));
        assertThat(RichText.toJson(document)).isEqualTo(json("""
                {'type': 'doc', 'version': 1, 'content': [
                  {'type': 'paragraph', 'content': [{'type': 'text', 'text': 'a', 'marks': [{'type': 'link', 'attrs': {'href': '/x'}}, {'type': 'bold'}]}]},
                  {'type': 'orderedList', 'attrs': {'start': 2}, 'content': [{'type': 'listItem', 'content': [{'type': 'paragraph', 'content': [{'type': 'text', 'text': 'b'}]}]}]},
                  {'type': 'codeBlock', 'content': [{'type': 'text', 'text': 'c'}]}
                ]}"""));
    }

    @Test
    void acceptsNonCanonicalContentAndNormalisesIt() throws Exception {
        assertThat(read("{'type': 'doc', 'version': 1, 'content': [{'type': 'paragraph', 'content': ["
                + "{'type': 'text', 'text': '  a  '}, {'type': 'text', 'text': 'b', 'marks': []}, {'type': 'text', 'text': ''}]},"
                + "{'type': 'paragraph'}, {'type': 'orderedList', 'content': [{'type': 'listItem'}]}]}"))
                .isEqualTo(doc(p("a b"), ol(1, li())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown mark              | {'type':'doc','version':1,'content':[{'type':'paragraph'},{'type':'paragraph'},{'type':'paragraph','content':[{'type':'text','text':'x','marks':[{'type':'blink'}]}]}]} | content[2].content[0] | unknown mark "blink"
            unknown node type         | {'type':'doc','version':1,'content':[{'type':'marquee'}]} | content[0] | unknown node type "marquee"
            missing version           | {'type':'doc','content':[]} | '' | missing "version"
            unsupported version       | {'type':'doc','version':2,'content':[]} | '' | unsupported version 2
            version that is text      | {'type':'doc','version':'1','content':[]} | '' | unsupported version "1"
            not a doc                 | {'type':'paragraph'} | '' | expected "type": "doc"
            heading level             | {'type':'doc','version':1,'content':[{'type':'heading','attrs':{'level':7}}]} | content[0] | "level" must be an integer from 1 to 6
            heading without attrs     | {'type':'doc','version':1,'content':[{'type':'heading'}]} | content[0] | missing "attrs"
            unknown property          | {'type':'doc','version':1,'content':[{'type':'paragraph','style':'x'}]} | content[0] | unknown property "style"
            unknown attribute         | {'type':'doc','version':1,'content':[{'type':'embed','attrs':{'url':'https://x.y','width':3}}]} | content[0] | unknown property "width"
            list item outside a list  | {'type':'doc','version':1,'content':[{'type':'listItem'}]} | content[0] | only allowed in a bulletList
            text at block level       | {'type':'doc','version':1,'content':[{'type':'text','text':'x'}]} | content[0] | put it in a paragraph
            block in inline content   | {'type':'doc','version':1,'content':[{'type':'paragraph','content':[{'type':'paragraph'}]}]} | content[0].content[0] | not allowed in inline content
            paragraph in a list       | {'type':'doc','version':1,'content':[{'type':'bulletList','content':[{'type':'paragraph'}]}]} | content[0].content[0] | expected "listItem"
            duplicate mark            | {'type':'doc','version':1,'content':[{'type':'paragraph','content':[{'type':'text','text':'x','marks':[{'type':'bold'},{'type':'bold'}]}]}]} | content[0].content[0] | duplicate mark "bold"
            javascript link           | {'type':'doc','version':1,'content':[{'type':'paragraph','content':[{'type':'text','text':'x','marks':[{'type':'link','attrs':{'href':'javascript:alert(1)'}}]}]}]} | content[0].content[0] | scheme "javascript" is not allowed
            link with a tab           | {'type':'doc','version':1,'content':[{'type':'paragraph','content':[{'type':'text','text':'x','marks':[{'type':'link','attrs':{'href':'jav\\tascript:x'}}]}]}]} | content[0].content[0] | control characters
            data image                | {'type':'doc','version':1,'content':[{'type':'image','attrs':{'src':'data:image/png;base64,AA'}}]} | content[0] | scheme "data" is not allowed
            relative embed            | {'type':'doc','version':1,'content':[{'type':'embed','attrs':{'url':'/video'}}]} | content[0] | must be absolute
            text without text         | {'type':'doc','version':1,'content':[{'type':'paragraph','content':[{'type':'text'}]}]} | content[0].content[0] | missing "text"
            text that is a number     | {'type':'doc','version':1,'content':[{'type':'paragraph','content':[{'type':'text','text':5}]}]} | content[0].content[0] | "text" must be a string, got a number
            content not an array      | {'type':'doc','version':1,'content':{}} | '' | "content" must be an array
            node not an object        | {'type':'doc','version':1,'content':['x']} | content[0] | expected a block node (a JSON object), got a string
            negative list start       | {'type':'doc','version':1,'content':[{'type':'orderedList','attrs':{'start':-1},'content':[]}]} | content[0] | "start" must be an integer from 0
            bad code language         | {'type':'doc','version':1,'content':[{'type':'codeBlock','attrs':{'language':'a b'}}]} | content[0] | code language "a b" must match
            marks in code             | {'type':'doc','version':1,'content':[{'type':'codeBlock','content':[{'type':'text','text':'x','marks':[{'type':'bold'}]}]}]} | content[0] | cannot have marks
            cell outside a row        | {'type':'doc','version':1,'content':[{'type':'table','content':[{'type':'tableCell'}]}]} | content[0].content[0] | expected "tableRow"
            nested cell path          | {'type':'doc','version':1,'content':[{'type':'table','content':[{'type':'tableRow','content':[{'type':'tableCell','content':[{'type':'text','text':'x','marks':[{'type':'big'}]}]}]}]}]} | content[0].content[0].content[0].content[0] | unknown mark "big"
            caption path              | {'type':'doc','version':1,'content':[{'type':'image','attrs':{'src':'/a'},'caption':[{'type':'hardBreak','x':1}]}]} | content[0].caption[0] | unknown property "x"
            """)
    void refusesInvalidDocumentsNamingThePath(String name, String document, String path, String reason) {
        assertThatThrownBy(() -> read(document))
                .isInstanceOfSatisfying(RichTextException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).isEqualTo(path.isEmpty() ? e.reason() : path + ": " + e.reason());
                });
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws Exception {
        String deep = "{'type':'blockquote','content':[]}";
        for (int i = 1; i < Limits.MAX_DEPTH + 1; i++) {
            deep = "{'type':'blockquote','content':[" + deep + "]}";
        }
        String document = "{'type':'doc','version':1,'content':[" + deep + "]}";
        assertThatThrownBy(() -> read(document)).isInstanceOf(RichTextException.class).hasMessageContaining("nested deeper than 64");
        String allowed = document.replaceFirst("\\{'type':'blockquote','content':\\[", "").replaceFirst("]}]}$", "]}");
        assertThat(read(allowed).content()).isEmpty(); // 64 levels of empty quotes normalise to nothing, without error
    }

    @Test
    void readAcceptsHtmlMarkdownOrADocument() throws Exception {
        Document expected = doc(p(t("Hi", Mark.BOLD)));
        assertThat(RichText.read(json("{'html': '<p><b>Hi</b><script>x</script></p>'}"))).isEqualTo(expected);
        assertThat(RichText.read(json("{'markdown': '**Hi**'}"))).isEqualTo(expected);
        assertThat(RichText.read(RichText.toJson(expected))).isEqualTo(expected);
    }

    @Test
    void readRefusesAnythingElse() {
        assertThatThrownBy(() -> RichText.read(json("{'html': '<p>a</p>', 'markdown': 'a'}")))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> RichText.read(json("{'html': 5}")))
                .isInstanceOfSatisfying(RichTextException.class, e -> assertThat(e.path()).isEqualTo("html"));
        assertThatThrownBy(() -> RichText.read(json("{'text': 'a'}"))).hasMessageContaining("unknown property \"text\"");
        assertThatThrownBy(() -> RichText.read(json("[1]"))).hasMessageContaining("expected a rich-text object");
        String huge = "x".repeat(Limits.MAX_INPUT_CHARS + 1);
        assertThatThrownBy(() -> RichText.read(JSON.createObjectNode().put("markdown", huge)))
                .isInstanceOfSatisfying(RichTextException.class, e -> assertThat(e.path()).isEqualTo("markdown"));
    }
}

package dev.vellum.richtext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The WordPress theme unit test export (../shared/fixtures/wordpress/themeunittestdata.wordpress.xml),
 * read with StAX: the posts and pages with their raw {@code content:encoded}.
 */
final class WordPressFixture {
    static final String FILE = "fixtures/wordpress/themeunittestdata.wordpress.xml";

    record Post(String id, String type, String title, String content) {
        @Override
        public String toString() {
            return type + " " + id + " \"" + title + "\"";
        }
    }

    private WordPressFixture() {}

    /** The export, looked up from the module directory (where tests run) and from the repository root. */
    static Optional<Path> find() {
        for (String shared : List.of("../../shared", "../shared", "../../../shared")) {
            Path path = Path.of(shared, FILE);
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    static List<Post> postsAndPages(Path export) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Post> posts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(export)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String id = null;
            String type = null;
            String title = null;
            String content = null;
            boolean inItem = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                    if (name.equals("item")) {
                        inItem = true;
                        id = type = title = content = null;
                    } else if (inItem && name.equals("title") && namespace.isEmpty()) {
                        title = xml.getElementText();
                    } else if (inItem && name.equals("encoded") && namespace.contains("/content/")) {
                        content = xml.getElementText();
                    } else if (inItem && name.equals("post_id") && namespace.contains("wordpress.org/export")) {
                        id = xml.getElementText().strip();
                    } else if (inItem && name.equals("post_type") && namespace.contains("wordpress.org/export")) {
                        type = xml.getElementText().strip();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")) {
                    inItem = false;
                    if (Set.of("post", "page").contains(type)) {
                        posts.add(new Post(id, type, title, content == null ? "" : content));
                    }
                }
            }
        }
        return posts;
    }
}

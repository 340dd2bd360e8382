package dev.vellum.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The raw content of every post and page in a WordPress export (WXR), for benchmark input. */
final class WordPressExport {
    static final String FIXTURE = "fixtures/wordpress/themeunittestdata.wordpress.xml";

    private WordPressExport() {}

    /** The theme unit test export: {@code -Dvellum.fixture=path}, or found under ../shared from here. */
    static Path fixture() {
        String configured = System.getProperty("vellum.fixture");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String shared : List.of("../shared", "../../shared", "shared")) {
            Path path = Path.of(shared, FIXTURE);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new IllegalStateException("WordPress fixture not found; run from the repository root or pass -Dvellum.fixture=<path>");
    }

    static List<String> postContents(Path export) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<String> contents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(export)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String type = null;
            String content = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "item" -> type = content = null;
                        case "post_type" -> type = xml.getElementText().strip();
                        case "encoded" -> {
                            if (xml.getNamespaceURI() != null && xml.getNamespaceURI().contains("/content/")) {
                                content = xml.getElementText();
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")
                        && ("post".equals(type) || "page".equals(type))) {
                    contents.add(content == null ? "" : content);
                }
            }
        }
        return contents;
    }
}

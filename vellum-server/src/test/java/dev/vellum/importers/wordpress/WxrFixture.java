package dev.vellum.importers.wordpress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The developers' WordPress theme unit test export (../shared/fixtures/wordpress/), found from the module or the repository. */
public final class WxrFixture {
    private static final String FILE = "fixtures/wordpress/themeunittestdata.wordpress.xml";

    private WxrFixture() {}

    public static Path path() {
        for (String shared : List.of("../../shared", "../shared", "../../../shared")) {
            Path p = Path.of(shared, FILE);
            if (Files.isRegularFile(p)) return p;
        }
        Assumptions.abort("the WordPress fixture " + FILE + " is not beside the repository: skipping");
        return null;
    }
}

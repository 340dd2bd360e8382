package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.app.Vellum;
import dev.vellum.importers.wordpress.WxrFixture;
import dev.vellum.testing.Backend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vellum import / export / restore on the local data directory: plain progress lines (no terminal), the summary table, exit codes. */
class ImportCliTest {

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        var cli = VellumCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void csvImportExportAndRestore(@TempDir Path dir) throws Exception {
        try (Backend.Sqlite backend = (Backend.Sqlite) Backend.sqlite()) {
            String data = "--data-dir=" + backend.dir();
            try (Vellum v = Vellum.open(backend.config())) {
                v.services().projects().create("shop", "Shop");
                v.services().collections().create("shop", new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                        {"id": "items", "slug_from": "name", "fields": [{"id": "name", "type": "text"}, {"id": "price", "type": "number"}]}"""), null);
            }
            Path csv = Files.writeString(dir.resolve("items.csv"), "SKU,Name,Price\nA,Chair,10\nB,Table,ten\nC,Lamp,3\n");
            Run imported = run("import", "csv", csv.toString(), "--project", "shop", "--collection", "items", "--key", "SKU",
                    "--map", "Name=name", "--map", "Price=price", data);
            assertThat(imported.code()).as(imported.err()).isEqualTo(2); // done, with a failed row
            assertThat(imported.out()).contains("rows").contains("created  updated  unchanged  skipped  failed")
                    .containsPattern("\\s+2\\s+0\\s+0\\s+0\\s+1").contains("row:B: line 3: fields.price: 'ten' is not a number");

            Path zip = dir.resolve("shop.zip");
            Run exported = run("export", "--project", "shop", "-o", zip.toString(), data);
            assertThat(exported.code()).as(exported.err()).isZero();
            assertThat(exported.err()).contains("exported 1 collections, 2 entries");
            assertThat(run("projects", "create", "copy", data).code()).isZero();
            Run restored = run("restore", "--project", "copy", zip.toString(), data);
            assertThat(restored.code()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("restored 1 collections, 2 entries");
        }
    }

    @Test
    void wordPressExportWithPlainProgressLines() {
        Path fixture = WxrFixture.path();
        try (Backend.Sqlite backend = (Backend.Sqlite) Backend.sqlite()) {
            String data = "--data-dir=" + backend.dir();
            assertThat(run("projects", "create", "wp", data).code()).isZero();
            Run r = run("import", "wordpress", fixture.toString(), "--project", "wp", "--option", "media=false", data);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("authors").contains("categories").contains("tags").contains("content    [##############################] 79/79")
                    .doesNotContain("\r").containsPattern("\\s+259\\s+0\\s+0\\s+0\\s+0");
        }
    }
}

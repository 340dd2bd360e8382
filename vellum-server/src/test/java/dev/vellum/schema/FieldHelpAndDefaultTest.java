package dev.vellum.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vellum.error.VellumException;
import org.junit.jupiter.api.Test;

/** A field's help text and default: parsed, validated and normalised like a value of its type, and written back. */
class FieldHelpAndDefaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDefaultIsNormalisedForItsTypeAndRoundTripsWithItsHelp() throws Exception {
        CollectionDefinition d = SchemaParser.parseCreate(JSON.readTree("""
                {"id": "posts", "fields": [
                  {"id": "accent", "type": "color", "default": "RGB(255, 0, 0)", "help": "The page's colour"},
                  {"id": "views", "type": "number", "integer": true, "default": 0},
                  {"id": "tags", "type": "multi_enum", "options": ["a", "b"], "default": ["b"]}]}"""));
        Field accent = d.fields().get(0);
        assertThat(accent.help()).isEqualTo("The page's colour");
        assertThat(accent.defaultValue().asText()).isEqualTo("#ff0000");
        JsonNode written = SchemaJson.definition(d);
        assertThat(written.at("/fields/0/default").asText()).isEqualTo("#ff0000");
        assertThat(written.at("/fields/0/help").asText()).isEqualTo("The page's colour");
        assertThat(written.at("/fields/1/default").asInt()).isZero();
        assertThat(written.at("/fields/2/default/0").asText()).isEqualTo("b");
        assertThat(written.at("/fields/1/help").isMissingNode()).as("no help: no key").isTrue();
        assertThat(SchemaParser.parseCreate(written)).isEqualTo(d);
    }

    @Test
    void aDefaultThatIsNotAValueOfItsTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> SchemaParser.parseCreate(JSON.readTree("""
                {"id": "posts", "fields": [{"id": "title", "type": "text"},
                  {"id": "status", "type": "enum", "options": ["draft", "live"], "default": "archived"}]}""")))
                .isInstanceOfSatisfying(VellumException.Invalid.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> {
                            assertThat(f.field()).isEqualTo("fields[1].default");
                            assertThat(f.code()).isEqualTo("invalid_default");
                        }));
    }
}

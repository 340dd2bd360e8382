package dev.vellum.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueConversionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode convert(FieldType to, String json) throws Exception {
        return ValueConversion.convert(to, JSON.readTree(json));
    }

    @Test
    void convertsOnlyWhereNothingIsLost() throws Exception {
        assertThat(convert(new TextType(null, null), "42").asText()).isEqualTo("42");
        assertThat(convert(new TextType(null, null), "true").asText()).isEqualTo("true");
        assertThat(convert(new NumberType(true, null, null), "\"17\"").asLong()).isEqualTo(17);
        assertThat(convert(new NumberType(false, null, null), "\"2.50\"").asDouble()).isEqualTo(2.5);
        assertThat(convert(new BooleanType(), "\"false\"").asBoolean()).isFalse();
        assertThat(convert(new MultiEnumType(List.of("a", "b")), "\"a\"").toString()).isEqualTo("[\"a\"]");
        assertThat(convert(new ArrayType(new TextType(null, null), null), "\"x\"").toString()).isEqualTo("[\"x\"]");
        assertThat(convert(new EnumType(List.of("1", "2")), "2").asText()).isEqualTo("2");
    }

    @Test
    void refusesWhatWouldLoseOrInventData() {
        assertThatThrownBy(() -> convert(new NumberType(true, null, null), "\"12abc\"")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> convert(new NumberType(true, null, null), "\"1.5\"")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> convert(new BooleanType(), "\"yes\"")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> convert(new TextType(null, null), "{\"url\": \"https://x.org\"}")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> convert(new TextType(3, null), "12345")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> convert(new EnumType(List.of("a")), "\"b\"")).isInstanceOf(InvalidValue.class);
    }
}

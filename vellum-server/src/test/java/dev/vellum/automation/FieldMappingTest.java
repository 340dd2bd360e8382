package dev.vellum.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void pointersKeepTheValueAndItsType() throws Exception {
        JsonNode payload = json("{\"a\": {\"n\": 42, \"list\": [1, 2], \"none\": null}, \"x/y\": \"slash\"}");
        assertThat(FieldMapping.parse(json("\"/a/n\"")).apply(payload)).isEqualTo(json("42"));
        assertThat(FieldMapping.parse(json("\"/a/list\"")).apply(payload)).isEqualTo(json("[1, 2]"));
        assertThat(FieldMapping.parse(json("\"/a/none\"")).apply(payload).isNull()).isTrue();
        assertThat(FieldMapping.parse(json("\"/a/missing\"")).apply(payload)).isNull();
        assertThat(FieldMapping.parse(json("\"/x~1y\"")).apply(payload).asText()).isEqualTo("slash");
    }

    @Test
    void templatesJoinTextAndHaveNoValueWhenNothingIsFound() throws Exception {
        FieldMapping t = FieldMapping.parse(json("\"{{/first}} {{ /last }}\""));
        assertThat(t.apply(json("{\"first\": \"Ada\", \"last\": \"Lovelace\"}")).asText()).isEqualTo("Ada Lovelace");
        assertThat(t.apply(json("{\"first\": \"Ada\"}")).asText()).isEqualTo("Ada");
        assertThat(t.apply(json("{}"))).isNull();
        assertThat(FieldMapping.parse(json("\"episode-{{/n}}\"")).apply(json("{\"n\": 7}")).asText()).isEqualTo("episode-7");
    }

    @Test
    void constantsAndMistakes() throws Exception {
        assertThat(FieldMapping.parse(json("true")).apply(json("{}"))).isEqualTo(json("true"));
        assertThat(FieldMapping.parse(json("{\"const\": \"live\"}")).apply(json("{}")).asText()).isEqualTo("live");
        assertThatThrownBy(() -> FieldMapping.parse(json("\"plain words\""))).hasMessageContaining("const");
        assertThatThrownBy(() -> FieldMapping.parse(json("\"{{a}}\""))).hasMessageContaining("JSON pointer");
        assertThatThrownBy(() -> FieldMapping.parse(json("[1]"))).isInstanceOf(IllegalArgumentException.class);
    }
}

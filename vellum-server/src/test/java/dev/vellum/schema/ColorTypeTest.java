package dev.vellum.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColorTypeTest {
    @ParameterizedTest
    @CsvSource({"#ABC,#aabbcc", "#abcd,#aabbccdd", "#AABBCC,#aabbcc", "#aabbccff,#aabbcc", "'rgb(0, 128, 255)',#0080ff",
            "'rgba(0,128,255,0)',#0080ff00", "'rgba(0,128,255,1)',#0080ff", "' #fff ',#ffffff"})
    void normalises(String in, String out) throws InvalidValue {
        assertThat(new ColorType().normalize(TextNode.valueOf(in)).asText()).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "#12", "#1234567", "rgb(256,0,0)", "rgba(0,0,0,2)", "hsl(0,0%,0%)", ""})
    void refuses(String in) {
        assertThatThrownBy(() -> new ColorType().normalize(TextNode.valueOf(in))).isInstanceOf(InvalidValue.class);
    }
}

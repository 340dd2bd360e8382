package dev.vellum.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.vellum.error.VellumException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    @Test
    void roundTripsValuesIncludingNull() {
        Cursor c = new Cursor(List.of(f.numberNode(3), NullNode.instance, f.textNode("é \" x")), "01ABC", "fp");
        Cursor back = Cursor.decode(c.encode(), "fp", 3);
        assertThat(back).isEqualTo(c);
        assertThat(c.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesCursorsOfAnotherQueryOrGarbage() {
        String encoded = new Cursor(List.of(f.numberNode(1)), "x", "fp").encode();
        assertThatThrownBy(() -> Cursor.decode(encoded, "other", 1))
                .isInstanceOfSatisfying(VellumException.BadRequest.class, e -> assertThat(e.code()).isEqualTo("cursor_mismatch"));
        assertThatThrownBy(() -> Cursor.decode("%%%", "fp", 1))
                .isInstanceOfSatisfying(VellumException.BadRequest.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
        assertThatThrownBy(() -> Cursor.decode(encoded, "fp", 2))
                .isInstanceOfSatisfying(VellumException.BadRequest.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
    }
}

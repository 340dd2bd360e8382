package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode o(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void differentFieldsMergeWithoutConflict() {
        var out = ThreeWayMerge.merge(o("{'a':1,'b':'x'}"), o("{'a':2,'b':'x'}"), o("{'a':1,'b':'y'}"), false);
        assertThat(out.conflict()).isFalse();
        assertThat(out.bothChanged()).isTrue();
        assertThat(out.merged()).isEqualTo(o("{'a':2,'b':'y'}"));
        assertThat(out.localChanged()).containsExactly("a");
        assertThat(out.remoteChanged()).containsExactly("b");
    }

    @Test
    void theSameFieldChangedDifferentlyIsAConflict() {
        var out = ThreeWayMerge.merge(o("{'a':1,'b':'x'}"), o("{'a':2,'b':'x'}"), o("{'a':3,'b':'x'}"), false);
        assertThat(out.conflicting()).containsExactly("a");
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        var out = ThreeWayMerge.merge(o("{'a':1}"), o("{'a':2}"), o("{'a':2}"), true);
        assertThat(out.conflict()).isFalse();
        assertThat(out.merged()).isEqualTo(o("{'a':2}"));
    }

    @Test
    void theItemRuleMakesAnyChangeOnBothSidesAConflict() {
        var out = ThreeWayMerge.merge(o("{'a':1,'b':'x'}"), o("{'a':2,'b':'x'}"), o("{'a':1,'b':'y'}"), true);
        assertThat(out.conflicting()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aOneSidedChangeIsNoMerge() {
        var out = ThreeWayMerge.merge(o("{'a':1,'b':null}"), o("{'a':1}"), o("{'a':1,'b':'new'}"), false);
        assertThat(out.bothChanged()).isFalse();
        assertThat(out.localChanged()).isEmpty();
        assertThat(out.merged()).isEqualTo(o("{'a':1,'b':'new'}"));
    }
}

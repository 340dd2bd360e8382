package dev.vellum.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class UlidTest {
    @Test
    void idsAreUniqueAndSortInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) ids.add(Ulid.next());
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).isSorted();
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}"));
    }

    @Test
    void theTimePartIsTheCurrentTime() {
        long before = System.currentTimeMillis();
        String id = Ulid.next();
        long decoded = 0;
        for (char c : id.substring(0, 10).toCharArray()) decoded = decoded * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c);
        assertThat(decoded).isBetween(before, System.currentTimeMillis());
    }
}

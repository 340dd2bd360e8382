package dev.vellum.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    @Test
    void exactNamesFamiliesAndEverything() {
        EventFilter f = new EventFilter(List.of("entry.*", "site.published"));
        assertThat(f.matches("entry.deleted")).isTrue();
        assertThat(f.matches("site.published")).isTrue();
        assertThat(f.matches("collection.created")).isFalse();
        assertThat(new EventFilter(List.of("*")).matches("collection.updated")).isTrue();
    }

    @Test
    void onlyPatternsThatNameAnEventAreValid() {
        assertThat(List.of("entry.created", "collection.*", "site.*", "*")).allMatch(EventFilter::valid);
        assertThat(List.of("entry.exploded", "post.*", "entry", "")).noneMatch(EventFilter::valid);
    }

    @Test
    void collectionsFilterEntryAndCollectionEventsButNotPublishing() {
        Webhook w = new Webhook("w", "p", "http://x", new EventFilter(List.of("*")), List.of("posts"), null, "sealed",
                Webhook.Status.ACTIVE, null, null, 0, "t", "t");
        assertThat(w.wants("entry.created", "posts")).isTrue();
        assertThat(w.wants("entry.created", "notes")).isFalse();
        assertThat(w.wants("site.published", null)).isTrue();
    }
}

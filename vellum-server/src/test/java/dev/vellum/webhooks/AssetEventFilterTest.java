package dev.vellum.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Webhooks can subscribe to asset events, one by one or as a family. */
class AssetEventFilterTest {
    @Test
    void assetEventsCanBeSubscribedTo() {
        assertThat(EventFilter.valid("asset.*")).isTrue();
        assertThat(EventFilter.valid("asset.created")).isTrue();
        assertThat(EventFilter.valid("asset.deleted")).isTrue();
        assertThat(EventFilter.valid("asset.renamed")).isFalse();
        assertThat(new EventFilter(java.util.List.of("asset.*")).matches("asset.updated")).isTrue();
        assertThat(new EventFilter(java.util.List.of("asset.*")).matches("entry.updated")).isFalse();
    }
}

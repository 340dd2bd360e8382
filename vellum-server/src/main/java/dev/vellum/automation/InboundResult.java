package dev.vellum.automation;

/** What an inbound hook did with a request: {@code outcome} is created, updated, unchanged or duplicate. */
public record InboundResult(String outcome, String entryId, String eventId) {
    public boolean duplicate() {
        return outcome.equals("duplicate");
    }
}

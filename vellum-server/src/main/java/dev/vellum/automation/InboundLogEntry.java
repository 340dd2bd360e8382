package dev.vellum.automation;

/**
 * One request an inbound hook received: when, the answer's status, the outcome (created, updated,
 * unchanged, duplicate, rejected), the error code and detail when rejected, and the first KB of the body.
 */
public record InboundLogEntry(String id, String hookId, String receivedAt, String eventId, int status, String outcome, String code,
                              String detail, String entryId, long durationMs, String bodyExcerpt) {}

package dev.vellum.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An inbound hook: third-party payloads posted to {@code /hooks/{id}} become an entry of
 * {@code collection}, created or updated by {@code upsertKey} ({@code slug} or a field id), with
 * values taken from the payload by {@code mapping} (target → pointer, template or constant).
 * {@code sealedSecret} is the signing secret encrypted at rest.
 */
public record InboundHook(String id, String projectId, String collection, String upsertKey, ObjectNode mapping,
                          SignatureScheme scheme, String sealedSecret, String description, String createdAt, String updatedAt) {}

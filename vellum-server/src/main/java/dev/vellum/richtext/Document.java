package dev.vellum.richtext;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Placeholder until the rich-text model lands (issue 4). */
public record Document(ObjectNode json) {}

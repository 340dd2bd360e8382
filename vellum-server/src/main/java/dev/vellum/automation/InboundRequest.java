package dev.vellum.automation;

import java.util.Map;

/** A request to an inbound hook as it arrived: headers (looked up ignoring case), content type, raw body. */
public record InboundRequest(Map<String, String> headers, String contentType, byte[] body) {}

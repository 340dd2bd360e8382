package dev.vellum.assets;

/** An entry field that refers to an asset. */
public record AssetUse(String collection, String entryId, String field) {}

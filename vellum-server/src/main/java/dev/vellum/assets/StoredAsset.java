package dev.vellum.assets;

/** The result of an upload: the asset, and whether it is new ({@code false}: these bytes were already stored). */
public record StoredAsset(Asset asset, boolean created) {}

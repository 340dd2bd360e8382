package dev.vellum.assets;

/** A change of an asset's descriptive metadata: null leaves a value as it is, "" clears it. */
public record AssetPatch(String alt, String title) {}

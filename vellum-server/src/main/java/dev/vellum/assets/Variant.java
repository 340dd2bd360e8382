package dev.vellum.assets;

/** A variant of an image as stored: its canonical spec, type, size in bytes and pixel dimensions. */
public record Variant(String spec, String contentType, long size, int width, int height) {}

package dev.vellum.testing;

/** Fixed keys for test servers, so that PostgreSQL-backed servers (which have no data dir of their own) need no key file. */
public final class TestKeys {
    /** VELLUM_SECRET_KEY: base64 of the bytes 0…31. */
    public static final String SECRET_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private TestKeys() {}
}

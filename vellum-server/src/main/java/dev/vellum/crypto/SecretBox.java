package dev.vellum.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that Vellum must read back (webhook signing secrets, inbound hook secrets) with
 * AES-256-GCM. Sealed values read {@code v1:<key id>:<base64 of iv ‖ ciphertext ‖ tag>}; the key id
 * names the key, so a node with another key says so instead of failing obscurely.
 * The key comes from VELLUM_SECRET_KEY, or from a key file made on first use in the data dir.
 */
public final class SecretBox {
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> configuredKey;
    private final Path keyFile;
    private volatile Key key;

    private record Key(SecretKeySpec spec, String id) {}

    public SecretBox(Optional<String> configuredKey, Path dataDir) {
        this.configuredKey = configuredKey;
        this.keyFile = dataDir.resolve("secret.key");
        configuredKey.ifPresent(k -> this.key = key(decode(k, "VELLUM_SECRET_KEY")));
    }

    public String seal(String plaintext) {
        Key k = key();
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k.spec(), new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + ":" + k.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        }
    }

    /** The plaintext of a sealed value; fails with a clear message when it was sealed with another key. */
    public String open(String sealed) {
        Key k = key();
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) throw new IllegalStateException("not a sealed secret");
        if (!parts[1].equals(k.id())) {
            throw new IllegalStateException("secret was sealed with key " + parts[1] + " but this node has key " + k.id()
                    + "; give every node the same VELLUM_SECRET_KEY");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k.spec(), new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("sealed secret is corrupt", e);
        }
    }

    private Key key() {
        Key k = key;
        if (k != null) return k;
        synchronized (this) {
            if (key == null) key = key(loadOrCreateFile());
            return key;
        }
    }

    private byte[] loadOrCreateFile() {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(keyFile);
                } catch (FileAlreadyExistsException raced) {
                    return decode(Files.readString(keyFile).strip(), keyFile.toString());
                }
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n");
                return fresh;
            }
            return decode(Files.readString(keyFile).strip(), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + keyFile, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must be base64 of 32 bytes (e.g. from `openssl rand -base64 32`)");
        }
        if (bytes.length != 32) throw new IllegalArgumentException(source + " must be base64 of exactly 32 bytes, not " + bytes.length);
        return bytes;
    }

    private static Key key(byte[] bytes) {
        try {
            String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 8);
            return new Key(new SecretKeySpec(bytes, "AES"), id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

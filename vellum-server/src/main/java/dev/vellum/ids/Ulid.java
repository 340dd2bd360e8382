package dev.vellum.ids;

import java.security.SecureRandom;

/**
 * ULIDs: 26 characters, time-ordered, so ids sort by creation. Monotonic within a millisecond in
 * one process (the random part is incremented), which keeps ids of a batch in insertion order.
 */
public final class Ulid {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long randHigh; // 16 bits
    private static long randLow;  // 64 bits

    private Ulid() {}

    public static synchronized String next() {
        long now = System.currentTimeMillis();
        if (now <= lastMillis) {
            now = lastMillis;
            randLow++;
            if (randLow == 0) randHigh = (randHigh + 1) & 0xFFFF;
        } else {
            lastMillis = now;
            randHigh = RANDOM.nextInt(1 << 16);
            randLow = RANDOM.nextLong();
        }
        char[] out = new char[26];
        long time = now;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits: 16 high + 64 low, written as 16 base-32 digits.
        long low = randLow;
        long high = randHigh;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(out);
    }
}

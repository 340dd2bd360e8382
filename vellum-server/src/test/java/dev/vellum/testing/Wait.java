package dev.vellum.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting in tests: poll until a condition holds, with a generous timeout; no timing is asserted. */
public final class Wait {
    private Wait() {}

    /** Polls {@code probe} until it returns non-null; fails naming {@code what} after {@code timeout}. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) return value;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            Receiver.pause(Duration.ofMillis(25));
        }
    }
}

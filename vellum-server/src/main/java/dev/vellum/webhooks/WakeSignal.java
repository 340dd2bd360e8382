package dev.vellum.webhooks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A count of wake-ups that threads wait on: note the count, do the work, then wait for the count to
 * move. A wake-up that comes while the work runs is therefore never missed.
 */
final class WakeSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private long count;

    long count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    void bump() {
        lock.lock();
        try {
            count++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return whether the count moved past {@code seen} within {@code timeoutMs} */
    boolean await(long seen, long timeoutMs) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (count == seen && left > 0) left = moved.awaitNanos(left);
            return count != seen;
        } finally {
            lock.unlock();
        }
    }
}

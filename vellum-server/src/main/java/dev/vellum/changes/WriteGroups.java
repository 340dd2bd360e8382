package dev.vellum.changes;

import dev.vellum.storage.Database;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for SQLite's single writer: writes that arrive while another group is committing (or
 * while the writer connection is busy) share the next transaction. Each write runs in a savepoint of
 * its own, so one that fails rolls back only its own statements and fails only its own caller; the
 * others commit. Every caller returns only after the commit that holds its write (or with its own
 * error). No thread waits artificially: a group is whatever queued up during the previous commit.
 *
 * <p>Leader/follower: a caller queues its write, and whoever takes the lock drains the queue and runs
 * the group on its own thread; the others park until their write is done. After a group, the leader
 * wakes the next queued caller, which leads the next group.
 */
final class WriteGroups {
    /** Bounds one group so a burst of large writes does not hold the writer for long. */
    static final int MAX_GROUP = 128;

    /**
     * How long a waiting caller sleeps before it looks again by itself. It is woken when its group has committed, or
     * when it is next to lead, so this only guards the hand-off. At 1 ms, every caller waiting out a group commit of
     * 1–3 ms woke once or twice for nothing: with 16 writers that was thousands of sleeps and wake-ups a second.
     */
    static final long HAND_OFF_GUARD_NANOS = 20_000_000L;

    /** A write, run inside the group's transaction. */
    @FunctionalInterface
    interface Member {
        /** Runs inside the member's savepoint; what it returns is handed to its caller after the commit. */
        Object run(Tx tx) throws SQLException;
    }

    /**
     * Work for the whole group once every member has run, in the same transaction, outside the members' savepoints
     * (the change log appends the records of the group's writes with one statement per kind, not per write).
     * Should it fail, the group fails as a failed commit does.
     */
    @FunctionalInterface
    interface Ending {
        /** @param results what the members that succeeded returned, in the order they ran */
        void run(Tx tx, List<Object> results) throws SQLException;
    }

    private static final class Pending {
        final Member member;
        final Thread caller = Thread.currentThread();
        Object result;
        Throwable failure;
        volatile boolean done;

        Pending(Member member) {
            this.member = member;
        }
    }

    private final Database db;
    private final Ending ending;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    WriteGroups(Database db) {
        this(db, (tx, results) -> { });
    }

    WriteGroups(Database db, Ending ending) {
        this.db = db;
        this.ending = ending;
    }

    /** Runs {@code member} in the next group; returns its result once that group has committed. */
    Object run(Member member) throws Throwable {
        Pending mine = new Pending(member);
        queue.add(mine);
        while (!mine.done) {
            if (lock.tryLock()) {
                try {
                    if (!mine.done) lead();
                } finally {
                    lock.unlock();
                }
                wakeNext(); // after unlocking: a caller that queued meanwhile and found the lock taken is parked
            } else {
                LockSupport.parkNanos(this, HAND_OFF_GUARD_NANOS); // woken by the leader; the timeout only guards the hand-off
            }
        }
        if (mine.failure != null) throw mine.failure;
        return mine.result;
    }

    /** Groups committed and writes they held, since start (for tests and metrics). */
    long groups() {
        return groups.get();
    }

    long writes() {
        return writes.get();
    }

    /** Callers waiting for a group (for tests: a group forms once this many have queued). */
    int queued() {
        return queue.size();
    }

    private void lead() {
        List<Pending> group = new ArrayList<>();
        try {
            db.write(tx -> {
                // drained once the writer connection is ours, so writes that queued while it was busy join this group
                Pending p;
                while (group.size() < MAX_GROUP && (p = queue.poll()) != null) group.add(p);
                List<Object> results = new ArrayList<>(group.size());
                for (Pending member : group) {
                    try {
                        member.result = tx.savepoint(member.member::run);
                        results.add(member.result);
                    } catch (SQLException | RuntimeException e) {
                        member.failure = e; // its savepoint was rolled back; the rest of the group goes on
                    }
                }
                if (!results.isEmpty()) ending.run(tx, results);
                return null;
            });
            groups.incrementAndGet();
            writes.addAndGet(group.size());
        } catch (Throwable t) {
            // the commit itself failed (or the transaction could not start): nothing of the group was written
            for (Pending member : group) {
                member.result = null;
                if (member.failure == null) member.failure = t;
            }
        } finally {
            for (Pending member : group) {
                member.done = true;
                LockSupport.unpark(member.caller);
            }
        }
    }

    private void wakeNext() {
        Pending next = queue.peek();
        if (next != null) LockSupport.unpark(next.caller);
    }
}

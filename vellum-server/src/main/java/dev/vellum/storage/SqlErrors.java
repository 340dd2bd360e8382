package dev.vellum.storage;

import dev.vellum.error.VellumException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;

/** Driver errors translated once, here, into domain errors. */
public final class SqlErrors {
    private static final Pattern SQLITE_UNIQUE = Pattern.compile("UNIQUE constraint failed: ([A-Za-z0-9_.]+)");

    private SqlErrors() {}

    /** The error the database raised when a statement failed; internals are never shown to clients. */
    public static RuntimeException translate(SQLException e) {
        if (isTimeout(e)) {
            return new VellumException.Unavailable("query_timeout", "The query ran longer than the statement timeout");
        }
        return new StorageFailure(e);
    }

    /**
     * For a unique violation, the violated column (SQLite: {@code table.column}) or constraint name
     * (PostgreSQL); empty when {@code e} is some other error.
     */
    public static Optional<String> uniqueViolation(SQLException e) {
        // a failed JDBC batch (BatchUpdateException) may carry the statement's own error as its next exception
        if (e.getNextException() != null && e.getNextException() != e) {
            Optional<String> next = uniqueViolation(e.getNextException());
            if (next.isPresent()) return next;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && "23505".equals(p.getSQLState())) {
                var msg = p.getServerErrorMessage();
                return Optional.of(msg != null && msg.getConstraint() != null ? msg.getConstraint() : "");
            }
            if (t instanceof SQLException s && s.getMessage() != null) {
                Matcher m = SQLITE_UNIQUE.matcher(s.getMessage());
                if (m.find()) return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean isTimeout(SQLException e) {
        String state = e.getSQLState();
        if ("57014".equals(state)) return true; // PostgreSQL: query_canceled (statement timeout)
        String msg = e.getMessage();
        return msg != null && msg.contains("SQLITE_INTERRUPT");
    }

    /** An unexpected storage error: rendered as 500 with a request id and no internals. */
    public static final class StorageFailure extends RuntimeException {
        StorageFailure(SQLException cause) {
            super("storage error: " + cause.getMessage(), cause);
        }
    }
}

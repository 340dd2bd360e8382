package dev.vellum.jobs;

import java.util.Locale;

/** Where a job is in its life. Done, failed and cancelled are final. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    /** As stored and as the API shows it: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}

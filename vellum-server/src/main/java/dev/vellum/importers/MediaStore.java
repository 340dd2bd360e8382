package dev.vellum.importers;

import java.net.URI;

/** Where re-hosted media go (the asset store): fetches one URL through the outbound policy and stores it. */
public interface MediaStore {

    /** Fetches and stores {@code url}; throws with a reason a user can read when it cannot. */
    MediaResolver.Rehosted fetch(String projectId, URI url, String alt) throws MediaFailure;

    /** Stores a local file (a Markdown folder's image). */
    MediaResolver.Rehosted upload(String projectId, java.nio.file.Path file, String alt) throws MediaFailure;

    /** Reads a stored asset (an uploaded export file). */
    java.io.InputStream open(String projectId, String assetId) throws java.io.IOException;

    /** The public URL of an asset stored by an earlier run, or null when it is gone. */
    String url(String projectId, String assetId);

    /** Why a media URL was not re-hosted; {@code retryable}: a timeout, a reset, a 5xx or 429. */
    final class MediaFailure extends Exception {
        private final boolean retryable;

        public MediaFailure(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}

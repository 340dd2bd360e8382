package dev.vellum.client;

/**
 * No usable answer: the connection failed or timed out (after the retries the request allowed),
 * the calling thread was interrupted, or the server's answer was not the JSON it should be.
 */
public final class VellumTransportException extends VellumClientException {

    VellumTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}

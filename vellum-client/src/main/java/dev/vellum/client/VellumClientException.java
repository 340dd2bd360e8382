package dev.vellum.client;

/**
 * Everything the client throws for a failed call: the server answered with an error
 * ({@link VellumApiException}), or no usable answer came back ({@link VellumTransportException}).
 */
public abstract sealed class VellumClientException extends RuntimeException
        permits VellumApiException, VellumTransportException {

    VellumClientException(String message, Throwable cause) {
        super(message, cause);
    }
}

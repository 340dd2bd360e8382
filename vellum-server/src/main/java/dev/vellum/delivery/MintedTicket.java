package dev.vellum.delivery;

/** A ticket as minted: the secret (shown once) and when it stops working. */
public record MintedTicket(String secret, AccessTicket ticket) {}

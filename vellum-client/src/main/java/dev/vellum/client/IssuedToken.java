package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A token just issued or rotated, with its secret: the server shows the secret this once. */
public record IssuedToken(Token token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[token=" + token + ", secret=…]"; // keep secrets out of logs
    }

    static IssuedToken from(JsonNode n) {
        return new IssuedToken(Token.from(n), Json.text(n, "token"));
    }
}

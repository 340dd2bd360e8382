package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.outbound.OutboundPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription to one Directus collection over Directus' WebSocket ({@code /websocket}, needs
 * WEBSOCKETS_ENABLED=true): authenticates with the static token, subscribes, and calls
 * {@code onChange} for every create, update or delete event. Answers Directus' pings. Where the
 * socket cannot be opened or closes, {@link #alive()} turns false and the caller polls instead.
 */
final class LiveSubscription implements WebSocket.Listener {
    private static final Logger log = LoggerFactory.getLogger(LiveSubscription.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String collection;
    private final String token;
    private final Runnable onChange;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean alive;

    private LiveSubscription(String collection, String token, Runnable onChange) {
        this.collection = collection;
        this.token = token;
        this.onChange = onChange;
    }

    /** Opens and subscribes; null when Directus has no WebSocket endpoint or refuses. */
    static LiveSubscription open(String baseUrl, String token, String collection, Runnable onChange, OutboundPolicy policy) {
        String ws = baseUrl.replaceFirst("^http", "ws").replaceAll("/$", "") + "/websocket";
        LiveSubscription s = new LiveSubscription(collection, token, onChange);
        try {
            policy.check(URI.create(baseUrl)); // as every REST call: the address is checked at each connect, not only when saved
            s.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(URI.create(ws), s).get(10, TimeUnit.SECONDS);
            s.alive = true;
            s.send(SyncJson.JSON.createObjectNode().put("type", "auth").put("access_token", token));
            return s;
        } catch (Exception e) {
            log.info("no live updates from {} ({}); polling instead", ws, e.getClass().getSimpleName());
            return null;
        }
    }

    boolean alive() {
        return alive;
    }

    void close() {
        alive = false;
        WebSocket w = socket;
        if (w != null) w.abort();
    }

    private void send(ObjectNode message) {
        WebSocket w = socket;
        if (w != null) w.sendText(message.toString(), true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handle(text);
        }
        ws.request(1);
        return null;
    }

    private void handle(String text) {
        JsonNode m;
        try {
            m = SyncJson.JSON.readTree(text);
        } catch (Exception e) {
            return;
        }
        switch (m.path("type").asText()) {
            case "auth" -> {
                if ("ok".equals(m.path("status").asText())) {
                    ObjectNode sub = SyncJson.JSON.createObjectNode().put("type", "subscribe").put("collection", collection);
                    sub.putObject("query").putArray("fields").add("id");
                    send(sub);
                } else {
                    log.warn("Directus refused the live subscription's token: {}", m.path("error").path("message").asText());
                    close();
                }
            }
            case "ping" -> send(SyncJson.JSON.createObjectNode().put("type", "pong"));
            case "subscription" -> {
                String event = m.path("event").asText();
                if (event.equals("create") || event.equals("update") || event.equals("delete")) onChange.run();
            }
            default -> { }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        alive = false;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        alive = false;
    }
}

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load driver for Vellum's event machinery (run with `java bench/WebhookBench.java <base url> <admin token>`;
 * bench/webhooks.sh builds and starts the server). Measures, against a local receiver:
 *   1. change committed → webhook received, at a steady 200 changes/s (from the moment the write is sent,
 *      so the figure includes the write itself: an upper bound of commit → received);
 *   2. deliveries per second one node sustains, to one endpoint and to four;
 *   3. inbound hook request → entry readable through the API;
 *   4. how late scheduled publishing turns drafts live.
 * Prints Markdown for docs/benchmarks.md.
 */
public class WebhookBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern TITLE = Pattern.compile("\"title\":\"(b-\\d+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern ENTRY_ID = Pattern.compile("\"entry_id\":\"([^\"]+)\"");
    static String base;
    static String token;
    static final Map<String, Long> received = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = args[1];
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 500);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", ex -> {
            long now = System.nanoTime();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            Matcher m = TITLE.matcher(body);
            if (m.find()) received.putIfAbsent(path + " " + m.group(1), now);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        String hookBase = "http://127.0.0.1:" + receiver.getAddress().getPort();
        String p = "bench" + System.currentTimeMillis();
        check(send("POST", "/v1/projects", "{\"id\":\"" + p + "\"}"), 201);
        check(send("POST", "/v1/projects/" + p + "/collections",
                "{\"id\":\"posts\",\"fields\":[{\"id\":\"title\",\"type\":\"text\"},{\"id\":\"body\",\"type\":\"text\"}]}"), 201);

        System.out.println("## Webhooks and automation\n");
        latency(p, hookBase, 50, 5, "warm-up");
        List<Double> lat = latency(p, hookBase, rate, seconds, "latency");
        System.out.printf("| change written → webhook received, %d changes/s for %d s (%d events) | median %.1f ms, p99 %.1f ms, max %.1f ms |%n",
                rate, seconds, lat.size(), pct(lat, 50), pct(lat, 99), pct(lat, 100));
        for (int endpoints : new int[] {1, 4}) {
            double perSecond = throughput(p, hookBase, endpoints, 20_000);
            System.out.printf("| deliveries per second, one node, %d endpoint%s, 20,000 deliveries | %.0f /s |%n", endpoints,
                    endpoints == 1 ? "" : "s", perSecond);
        }
        List<Double> inbound = inbound(p, 500);
        System.out.printf("| inbound hook request → entry readable (500 signed requests, one at a time) | median %.1f ms, p99 %.1f ms |%n",
                pct(inbound, 50), pct(inbound, 99));
        List<Double> late = scheduled(p, hookBase, 50);
        System.out.printf("| scheduled draft: publish_at → entry.updated received (50 drafts) | median %.0f ms, max %.0f ms |%n",
                pct(late, 50), pct(late, 100));
        receiver.stop(0);
        System.exit(0);
    }

    /** Writes entries at {@code rate}/s for {@code seconds}; returns write-sent → webhook-received times in ms. */
    static List<Double> latency(String p, String hookBase, int rate, int seconds, String name) throws Exception {
        String path = "/" + name;
        String hook = field(check(send("POST", "/v1/projects/" + p + "/webhooks",
                "{\"url\":\"" + hookBase + path + "\",\"events\":[\"entry.created\"]}"), 201), ID);
        int total = rate * seconds;
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Double> answered = new ArrayList<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait); // no spinning: the server needs the cores
            String title = "b-" + name.length() + i;
            long t0 = System.nanoTime();
            sent.put(title, t0);
            check(send("POST", "/v1/projects/" + p + "/collections/posts/entries",
                    "{\"fields\":{\"title\":\"" + title + "\",\"body\":\"Lorem ipsum dolor sit amet, consectetur adipiscing elit.\"}}"), 201);
            answered.add((System.nanoTime() - t0) / 1e6);
        }
        if (!name.equals("warm-up")) {
            System.out.printf("| (for comparison) the write itself: POST sent → 201 received | median %.1f ms, p99 %.1f ms, max %.1f ms |%n",
                    pct(answered, 50), pct(answered, 99), pct(answered, 100));
        }
        waitFor(() -> sent.keySet().stream().allMatch(t -> received.containsKey(path + " " + t)), 60);
        List<Double> out = new ArrayList<>();
        sent.forEach((t, at) -> out.add((received.get(path + " " + t) - at) / 1e6));
        reportRetries(p, hook, name);
        send("DELETE", "/v1/projects/" + p + "/webhooks/" + hook, null);
        return out;
    }

    /** Queues {@code deliveries} with the endpoints paused, resumes them and times until all have arrived. */
    static double throughput(String p, String hookBase, int endpoints, int deliveries) throws Exception {
        List<String> hooks = new ArrayList<>();
        for (int e = 0; e < endpoints; e++) {
            String hook = field(check(send("POST", "/v1/projects/" + p + "/webhooks",
                    "{\"url\":\"" + hookBase + "/tp" + endpoints + "-" + e + "\",\"events\":[\"entry.created\"]}"), 201), ID);
            check(send("PATCH", "/v1/projects/" + p + "/webhooks/" + hook, "{\"status\":\"disabled\"}"), 200);
            hooks.add(hook);
        }
        int changes = deliveries / endpoints;
        for (int done = 0; done < changes; done += 1000) {
            StringBuilder batch = new StringBuilder("{\"entries\":[");
            for (int i = 0; i < Math.min(1000, changes - done); i++) {
                if (i > 0) batch.append(',');
                batch.append("{\"fields\":{\"title\":\"t-").append(done + i).append("\"}}");
            }
            check(send("POST", "/v1/projects/" + p + "/collections/posts/entries/batch", batch.append("]}").toString()), 200);
        }
        long start = System.nanoTime();
        for (String hook : hooks) check(send("PATCH", "/v1/projects/" + p + "/webhooks/" + hook, "{\"status\":\"active\"}"), 200);
        waitFor(() -> {
            int sum = 0;
            for (int e = 0; e < endpoints; e++) sum += counts.getOrDefault("/tp" + endpoints + "-" + e, new AtomicInteger()).get();
            return sum >= deliveries;
        }, 300);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String hook : hooks) send("DELETE", "/v1/projects/" + p + "/webhooks/" + hook, null);
        return deliveries / seconds;
    }

    static List<Double> inbound(String p, int requests) throws Exception {
        check(send("POST", "/v1/projects/" + p + "/collections", "{\"id\":\"customers\",\"fields\":["
                + "{\"id\":\"stripe_id\",\"type\":\"text\",\"unique\":true},{\"id\":\"email\",\"type\":\"text\"}]}"), 201);
        String secret = "whsec_bench_secret_0123456789abcdef";
        String hook = field(check(send("POST", "/v1/projects/" + p + "/inbound-hooks", "{\"collection\":\"customers\",\"upsert_key\":\"stripe_id\","
                + "\"signature\":\"stripe\",\"secret\":\"" + secret + "\",\"mapping\":{\"stripe_id\":\"/data/object/id\","
                + "\"email\":\"/data/object/email\"}}"), 201), ID);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String body = "{\"id\":\"evt_" + i + "\",\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_" + i
                    + "\",\"email\":\"c" + i + "@example.com\"}}}";
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/hooks/" + hook))
                    .header("Content-Type", "application/json").header("Stripe-Signature", sign(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            check(r, 200);
            check(send("GET", "/v1/projects/" + p + "/collections/customers/entries/" + field(r, ENTRY_ID), null), 200);
            if (i >= 50) out.add((System.nanoTime() - t0) / 1e6); // the first 50 warm up
        }
        return out;
    }

    static List<Double> scheduled(String p, String hookBase, int drafts) throws Exception {
        check(send("POST", "/v1/projects/" + p + "/webhooks", "{\"url\":\"" + hookBase + "/scheduled\",\"events\":[\"entry.updated\"]}"), 201);
        Instant at = Instant.now().plusSeconds(3);
        Map<String, Instant> due = new ConcurrentHashMap<>();
        for (int i = 0; i < drafts; i++) {
            Instant when = at.plusMillis(97L * i);
            String title = "b-" + (900000 + i);
            due.put(title, when);
            check(send("POST", "/v1/projects/" + p + "/collections/posts/entries", "{\"draft\":true,\"publish_at\":\"" + when
                    + "\",\"fields\":{\"title\":\"" + title + "\"}}"), 201);
        }
        long nanoAt = System.nanoTime();
        Instant wallAt = Instant.now();
        waitFor(() -> due.keySet().stream().allMatch(t -> received.containsKey("/scheduled " + t)), 60);
        List<Double> out = new ArrayList<>();
        due.forEach((t, when) -> {
            double receivedWallMs = wallAt.toEpochMilli() + (received.get("/scheduled " + t) - nanoAt) / 1e6;
            out.add(receivedWallMs - when.toEpochMilli());
        });
        return out;
    }

    /** Tells (on stderr) how many deliveries needed more than one attempt, and why: retries wait for the backoff. */
    static void reportRetries(String p, String hook, String name) throws Exception {
        Pattern attempts = Pattern.compile("\"attempts\":(\\d+)");
        Pattern error = Pattern.compile("\"error\":(null|\"[^\"]*\")");
        Pattern next = Pattern.compile("\"next_cursor\":\"?([0-9]+)");
        int retried = 0;
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        String cursor = "";
        while (cursor != null) {
            String page = check(send("GET", "/v1/projects/" + p + "/webhooks/" + hook + "/deliveries?limit=200" + cursor, null), 200).body();
            for (String d : page.split("\\{\"id\":")) {
                Matcher a = attempts.matcher(d);
                if (a.find() && Integer.parseInt(a.group(1)) > 1) retried++;
            }
            Matcher n = next.matcher(page);
            cursor = n.find() ? "&cursor=" + n.group(1) : null;
        }
        System.err.println(name + ": deliveries that needed a retry: " + retried);
    }

    static String sign(String secret, String body) throws Exception {
        long t = System.currentTimeMillis() / 1000;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        return r;
    }

    static String field(HttpResponse<String> r, Pattern p) {
        Matcher m = p.matcher(r.body());
        if (!m.find()) throw new IllegalStateException("no " + p + " in " + r.body());
        return m.group(1);
    }

    interface Check {
        boolean done() throws Exception;
    }

    static void waitFor(Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.done()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out after " + seconds + " s");
            Thread.sleep(5);
        }
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}

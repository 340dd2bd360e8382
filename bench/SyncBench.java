import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Directus sync figures against a real Directus and a real Vellum (started by bench/sync.sh): pull of
 * 10,000 items into an empty collection, push of 10,000 entries into a new Directus collection, an
 * incremental run with 10 changed items on each side, a run with no change, and how long a live
 * Directus change takes to be visible in Vellum. JDK only (java SyncBench.java …).
 */
public class SyncBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static String vellum, admin, directus, dtoken, token;
    static final String P = "syncbench";

    public static void main(String[] args) throws Exception {
        vellum = args[0];
        admin = args[1];
        directus = args[2];
        dtoken = args[3];
        int n = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        call("POST", vellum + "/v1/projects", admin, "{\"id\":\"" + P + "\"}");
        token = field(call("POST", vellum + "/v1/projects/" + P + "/tokens", admin, "{\"name\":\"bench\",\"scope\":\"admin\"}"), "token");
        String fields = "[{\"id\":\"title\",\"type\":\"text\"},{\"id\":\"body\",\"type\":\"rich_text\"},"
                + "{\"id\":\"views\",\"type\":\"number\",\"integer\":true},{\"id\":\"published\",\"type\":\"date\"}]";
        v("POST", "/collections", "{\"id\":\"posts\",\"fields\":" + fields + "}");
        v("POST", "/collections", "{\"id\":\"outbox\",\"fields\":" + fields + "}");

        // Directus: a collection of n items, created in bulk
        d("POST", "/collections", "{\"collection\":\"articles\",\"schema\":{},\"meta\":{},\"fields\":["
                + "{\"field\":\"id\",\"type\":\"integer\",\"meta\":{\"hidden\":true},\"schema\":{\"is_primary_key\":true,\"has_auto_increment\":true}},"
                + "{\"field\":\"slug\",\"type\":\"string\",\"meta\":{},\"schema\":{\"is_unique\":true}},"
                + "{\"field\":\"title\",\"type\":\"string\",\"meta\":{},\"schema\":{}},"
                + "{\"field\":\"body\",\"type\":\"text\",\"meta\":{\"interface\":\"input-rich-text-html\"},\"schema\":{}},"
                + "{\"field\":\"views\",\"type\":\"integer\",\"meta\":{},\"schema\":{}},"
                + "{\"field\":\"published\",\"type\":\"timestamp\",\"meta\":{},\"schema\":{}},"
                + "{\"field\":\"date_created\",\"type\":\"timestamp\",\"meta\":{\"special\":[\"date-created\"]},\"schema\":{}},"
                + "{\"field\":\"date_updated\",\"type\":\"timestamp\",\"meta\":{\"special\":[\"date-updated\"]},\"schema\":{}}]}");
        for (int i = 0; i < n; i += 500) {
            StringBuilder sb = new StringBuilder("[");
            for (int j = i; j < Math.min(n, i + 500); j++) {
                if (j > i) sb.append(',');
                sb.append("{\"slug\":\"item-").append(j).append("\",\"title\":\"Item ").append(j).append("\",\"body\":\"<p>Body of <strong>item ")
                        .append(j).append("</strong></p>\",\"views\":").append(j).append(",\"published\":\"2026-01-01T00:00:00.000Z\"}");
            }
            d("POST", "/items/articles?fields=id", sb.append(']').toString());
        }
        String c = field(v("POST", "/connections", "{\"collection\":\"posts\",\"url\":\"" + directus + "\",\"token\":\"" + dtoken
                + "\",\"remote_collection\":\"articles\"}"), "id");

        System.out.printf("%-58s %s%n", "figure", "result");
        String pull = sync(c, "pull");
        report("pull of " + n + " Directus items into an empty collection (< 30 s)", pull);

        // 10 changed on each side
        StringBuilder keys = new StringBuilder();
        for (int i = 1; i <= 10; i++) keys.append(i > 1 ? "," : "").append(i * 7);
        d("PATCH", "/items/articles", "{\"keys\":[" + keys + "],\"data\":{\"title\":\"Changed in Directus\"}}");
        for (int i = 0; i < 10; i++) {
            String id = firstId(v("GET", "/collections/posts/entries?filter=" + java.net.URLEncoder.encode("slug = \"item-" + (i * 13 + 1) + "\"",
                    java.nio.charset.StandardCharsets.UTF_8), null));
            v("PATCH", "/collections/posts/entries/" + id, "{\"fields\":{\"views\":-1}}");
        }
        long t0 = System.nanoTime();
        String ip = sync(c, "pull");
        String iq = sync(c, "push");
        long incremental = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%-58s %d ms (pull: updated %s, merged %s, %s Directus requests; push: updated %s, %s requests)%n",
                "incremental run, 10 changed items on each side (< 2 s)", incremental, num(ip, "updated"), num(ip, "merged"),
                num(ip, "directus_requests"), num(iq, "updated"), num(iq, "directus_requests"));

        t0 = System.nanoTime();
        String np = sync(c, "pull");
        String nq = sync(c, "push");
        long quiet = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%-58s %d ms for pull + push (%s + %s Directus requests)%n", "run with no change (< 1 s)", quiet,
                num(np, "directus_requests"), num(nq, "directus_requests"));

        // live: a Directus change visible in Vellum
        v("PATCH", "/connections/" + c, "{\"live\":true}");
        Thread.sleep(3000); // subscribed and caught up
        List<Long> lags = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            String title = "Live " + k + " " + System.nanoTime();
            long s = System.nanoTime();
            d("PATCH", "/items/articles/3", "{\"title\":\"" + title + "\"}");
            while (!v("GET", "/collections/posts/entries?filter=" + java.net.URLEncoder.encode("slug = \"item-2\"",
                    java.nio.charset.StandardCharsets.UTF_8), null).contains(title)) {
                if (System.nanoTime() - s > 30_000_000_000L) throw new IllegalStateException("live change not seen in 30 s");
                Thread.sleep(10);
            }
            lags.add((System.nanoTime() - s) / 1_000_000);
            Thread.sleep(300);
        }
        lags.sort(null);
        System.out.printf("%-58s median %d ms, max %d ms (5 changes)%n", "live Directus change visible in Vellum (< 2 s)",
                lags.get(2), lags.get(4));
        v("PATCH", "/connections/" + c, "{\"live\":false}");

        // push of n entries into a new Directus collection
        for (int i = 0; i < n; i += 1000) {
            StringBuilder sb = new StringBuilder("{\"mode\":\"create\",\"entries\":[");
            for (int j = i; j < Math.min(n, i + 1000); j++) {
                if (j > i) sb.append(',');
                sb.append("{\"slug\":\"out-").append(j).append("\",\"fields\":{\"title\":\"Out ").append(j)
                        .append("\",\"body\":{\"html\":\"<p>Out <em>").append(j).append("</em></p>\"},\"views\":").append(j)
                        .append(",\"published\":\"2026-02-01T10:00:00+01:00\"}}");
            }
            v("POST", "/collections/outbox/entries/batch", sb.append("]}").toString());
        }
        String o = field(v("POST", "/connections", "{\"collection\":\"outbox\",\"url\":\"" + directus + "\",\"token\":\"" + dtoken
                + "\",\"remote_collection\":\"outbox\",\"create_remote\":true}"), "id");
        report("push of " + n + " entries into a new Directus collection (< 60 s)", sync(o, "push"));
    }

    static void report(String what, String run) {
        System.out.printf("%-58s %s ms (status %s, created %s, errors %s, %s Directus requests)%n", what, duration(run), field(run, "status"),
                num(run, "created"), run.contains("\"errors\":[]") ? "0" : "some", num(run, "directus_requests"));
    }

    static long lastMs;

    static String sync(String c, String direction) throws Exception {
        long t0 = System.nanoTime();
        String r = v("POST", "/connections/" + c + "/sync?wait=true", "{\"direction\":\"" + direction + "\"}");
        lastMs = (System.nanoTime() - t0) / 1_000_000;
        if (!"done".equals(field(r, "status"))) throw new IllegalStateException("run failed: " + r);
        return r.replaceFirst("^\\{", "{\"_ms\":" + lastMs + ",");
    }

    static String duration(String run) {
        return num(run, "_ms");
    }

    static String v(String method, String path, String body) throws Exception {
        return call(method, vellum + "/v1/projects/" + P + path, token, body);
    }

    static String d(String method, String path, String body) throws Exception {
        return call(method, directus + path, dtoken, body);
    }

    static String call(String method, String url, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + bearer);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + url + " → " + r.statusCode() + " " + r.body());
        return r.body();
    }

    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String num(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static String firstId(String list) {
        return field(list, "id");
    }
}

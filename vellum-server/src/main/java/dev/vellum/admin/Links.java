package dev.vellum.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The admin's URLs, built in one place. Ids are checked to be URL-safe by their services. */
final class Links {
    private Links() {}

    static String project(String p) {
        return "/admin/p/" + p;
    }

    static String entries(String p, String c) {
        return "/admin/p/" + p + "/c/" + c;
    }

    static String schema(String p, String c) {
        return entries(p, c) + "/schema";
    }

    static String entry(String p, String c, String id) {
        return entries(p, c) + "/e/" + id;
    }

    /** The server's address as outsiders reach it (VELLUM_PUBLIC_URL, else this request's), for URLs other systems call. */
    static String publicBase(dev.vellum.config.VellumConfig config, io.javalin.http.Context ctx) {
        return config.publicUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }

    static String query(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** Projects › project [› more]: the trail for pages inside a project. */
    static List<Layout.Crumb> crumbs(Session s, String p, Layout.Crumb... more) {
        List<Layout.Crumb> out = new ArrayList<>();
        if (s.instanceAdmin()) out.add(new Layout.Crumb("Projects", "/admin/projects"));
        out.add(new Layout.Crumb(p, project(p)));
        out.addAll(List.of(more));
        return out;
    }
}

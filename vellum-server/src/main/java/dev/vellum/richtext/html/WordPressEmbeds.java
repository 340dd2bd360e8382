package dev.vellum.richtext.html;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's auto-embeds: a URL alone on its own line is an embed when it belongs to a known oEmbed
 * provider, and otherwise a link to itself (WordPress's fallback for unknown providers).
 */
final class WordPressEmbeds {
    private static final Pattern URL_LINE = Pattern.compile("(?m)^[ \\t]*+(https?://[^\\s<>\"]++)[ \\t]*+$");
    private static final Set<String> PROVIDERS = Set.of("youtube.com", "youtu.be", "vimeo.com", "twitter.com",
            "x.com", "wordpress.tv", "videopress.com", "soundcloud.com", "spotify.com", "flickr.com", "flic.kr",
            "instagram.com", "facebook.com", "tiktok.com", "ted.com", "dailymotion.com", "reddit.com", "imgur.com",
            "tumblr.com", "speakerdeck.com", "slideshare.net", "kickstarter.com", "mixcloud.com", "scribd.com",
            "issuu.com", "animoto.com", "cloudup.com", "crowdsignal.com", "pinterest.com", "smugmug.com",
            "wolframcloud.com", "amazon.com", "pocketcasts.com", "bsky.app", "mastodon.social");

    private WordPressEmbeds() {}

    static String expand(String html) {
        if (!html.contains("http")) {
            return html;
        }
        Matcher matcher = URL_LINE.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (matcher.find()) {
            String url = matcher.group(1);
            String replacement = isProvider(url)
                    ? Shortcodes.embed(url)
                    : "<a href=\"" + url + "\">" + url + "</a>";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static boolean isProvider(String url) {
        String host;
        try {
            host = URI.create(url.replace("&amp;", "&")).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        for (String provider : PROVIDERS) {
            if (host.equals(provider) || host.endsWith("." + provider)) {
                return true;
            }
        }
        return false;
    }
}

package dev.vellum.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where outbound requests (webhook deliveries, later importers and sync) may go. Every address a
 * host resolves to is checked: loopback, private, link-local, unique-local, carrier-grade NAT,
 * multicast and unspecified addresses are refused unless the host or a CIDR covering the address is
 * in VELLUM_OUTBOUND_ALLOWLIST. Callers check before every request and never follow redirects.
 */
public final class OutboundPolicy {
    private static final List<Cidr> RESTRICTED = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("192.0.0.0/24"),
            Cidr.parse("198.18.0.0/15"), Cidr.parse("240.0.0.0/4"), Cidr.parse("fc00::/7"), Cidr.parse("64:ff9b::/96"));

    private final Set<String> hosts;
    private final List<Cidr> networks;

    /** Why a destination is refused, said so that an admin knows what to change. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private OutboundPolicy(Set<String> hosts, List<Cidr> networks) {
        this.hosts = hosts;
        this.networks = networks;
    }

    public static OutboundPolicy of(List<String> allowlist) {
        List<Cidr> networks = new ArrayList<>();
        for (String entry : allowlist) {
            Cidr c = Cidr.parse(entry);
            if (c != null) networks.add(c);
        }
        Set<String> hosts = allowlist.stream().filter(e -> Cidr.parse(e) == null)
                .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return new OutboundPolicy(hosts, List.copyOf(networks));
    }

    /** Resolves the URL's host and refuses it if any of its addresses is restricted and not allowed. */
    public void check(URI url) throws Refused {
        String host = url.getHost();
        if (host == null || host.isEmpty()) throw new Refused("the URL has no host");
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new Refused("host " + bare + " does not resolve");
        }
        if (hosts.contains(bare.toLowerCase(Locale.ROOT))) return;
        for (InetAddress a : addresses) {
            if (restricted(a) && networks.stream().noneMatch(n -> n.contains(a))) {
                throw new Refused(bare + " resolves to " + a.getHostAddress()
                        + ", a private or loopback address; add the host or a CIDR to VELLUM_OUTBOUND_ALLOWLIST to allow it");
            }
        }
    }

    static boolean restricted(InetAddress a) {
        return a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || RESTRICTED.stream().anyMatch(n -> n.contains(a))
                || (a.getAddress().length == 4 && (a.getAddress()[0] & 0xFF) == 255);
    }
}

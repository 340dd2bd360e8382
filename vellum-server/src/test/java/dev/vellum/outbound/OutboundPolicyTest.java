package dev.vellum.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundPolicyTest {

    @Test
    void privateLoopbackLinkLocalAndSpecialAddressesAreRestricted() throws Exception {
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "::1", "fd00::1", "fe80::1", "224.0.0.1", "255.255.255.255", "::ffff:10.0.0.1")) {
            assertThat(OutboundPolicy.restricted(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of("93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1")) {
            assertThat(OutboundPolicy.restricted(InetAddress.getByName(a))).as(a).isFalse();
        }
    }

    @Test
    void restrictedAddressesAreRefusedUnlessAllowListed() {
        OutboundPolicy none = OutboundPolicy.of(List.of());
        assertThatThrownBy(() -> none.check(URI.create("http://127.0.0.1:8080/x")))
                .isInstanceOf(OutboundPolicy.Refused.class).hasMessageContaining("VELLUM_OUTBOUND_ALLOWLIST");
        assertThatThrownBy(() -> none.check(URI.create("http://[::1]/x"))).isInstanceOf(OutboundPolicy.Refused.class);
        assertThatThrownBy(() -> none.check(URI.create("http://10.9.8.7/x"))).isInstanceOf(OutboundPolicy.Refused.class);

        OutboundPolicy allowed = OutboundPolicy.of(List.of("127.0.0.1", "10.0.0.0/8", "Internal.Example"));
        assertThatNoException().isThrownBy(() -> allowed.check(URI.create("http://127.0.0.1:8080/x")));
        assertThatNoException().isThrownBy(() -> allowed.check(URI.create("http://10.9.8.7/x")));
        assertThatThrownBy(() -> allowed.check(URI.create("http://192.168.0.2/x"))).isInstanceOf(OutboundPolicy.Refused.class);
    }

    @Test
    void cidrsMatchTheirPrefix() {
        Cidr c = Cidr.parse("10.20.0.0/14");
        assertThat(c.contains(address("10.23.255.255"))).isTrue();
        assertThat(c.contains(address("10.24.0.0"))).isFalse();
        assertThat(Cidr.parse("fc00::/7").contains(address("fdff::1"))).isTrue();
        assertThat(Cidr.parse("fc00::/7").contains(address("10.0.0.1"))).isFalse();
        assertThat(Cidr.parse("example.com")).isNull();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/40")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}

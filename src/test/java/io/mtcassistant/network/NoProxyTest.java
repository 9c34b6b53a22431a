package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoProxyTest {

    private static ProxySettings proxy(String noProxy) {
        return ProxySettings.parse("http://proxy.corp:3128", "http://proxy.corp:3128", noProxy);
    }

    @Test
    void aDomainMatchesItselfAndItsSubdomains() {
        ProxySettings p = proxy("example.com");
        assertThat(p.decide("example.com").proxied()).isFalse();
        assertThat(p.decide("api.example.com").proxied()).isFalse();
        assertThat(p.decide("api.example.com").rule()).isEqualTo("example.com");
        assertThat(p.decide("notexample.com").proxied()).isTrue();
    }

    @Test
    void aLeadingDotMatchesSubdomainsOnly() {
        ProxySettings p = proxy(".y.com");
        assertThat(p.decide("x.y.com").proxied()).isFalse();
        assertThat(p.decide("x.y.com").why()).contains("'.y.com'").contains("subdomains of y.com");
        assertThat(p.decide("y.com").proxied()).isTrue();
        assertThat(p.decide("y.com").why()).contains("matches only the subdomains of y.com");
        assertThat(proxy("*.y.com").decide("y.com").proxied()).isTrue();
        assertThat(proxy("*.y.com").decide("a.b.y.com").proxied()).isFalse();
    }

    @Test
    void starMatchesEverything() {
        ProxyDecision d = proxy("*").decide("https://anything.example:6443");
        assertThat(d.proxied()).isFalse();
        assertThat(d.rule()).isEqualTo("*");
    }

    @Test
    void ipAndCidrEntriesMatchAddressesNotNames() {
        ProxySettings p = proxy("10.0.0.0/16,192.168.1.5,fd00::/8");
        assertThat(p.decide("10.0.44.2").rule()).isEqualTo("10.0.0.0/16");
        assertThat(p.decide("10.1.0.1").proxied()).isTrue();
        assertThat(p.decide("192.168.1.5:443").rule()).isEqualTo("192.168.1.5");
        assertThat(p.decide("192.168.1.6").proxied()).isTrue();
        assertThat(p.decide("[fd00::1]:6443").rule()).isEqualTo("fd00::/8");
        ProxyDecision byName = p.decide("api.cluster.example");
        assertThat(byName.proxied()).isTrue();
        assertThat(byName.why()).contains("match IP addresses only");
    }

    @Test
    void portsLimitAnEntry() {
        ProxySettings p = proxy("registry.corp:5000,10.0.0.1:6443");
        assertThat(p.decide("registry.corp:5000").proxied()).isFalse();
        assertThat(p.decide("https://registry.corp").proxied()).isTrue();
        assertThat(p.decide("https://registry.corp").why()).contains("matches only port 5000");
        assertThat(p.decide("https://10.0.0.1:6443").proxied()).isFalse();
        assertThat(p.decide("https://10.0.0.1:443").proxied()).isTrue();
    }

    @Test
    void theFirstMatchingEntryIsNamedAndTheProxyIsMasked() {
        ProxySettings p = ProxySettings.parse(null, "http://user:s3cret@proxy.corp:3128", "a.com,corp,.corp");
        ProxyDecision d = p.decide("https://git.corp");
        assertThat(d.rule()).isEqualTo("corp");
        ProxyDecision through = p.decide("https://quay.io");
        assertThat(through.proxied()).isTrue();
        assertThat(through.proxy()).isEqualTo("http://user:****@proxy.corp:3128");
        assertThat(through.why()).doesNotContain("s3cret");
    }

    @Test
    void loopbackAndUnsetProxyGoDirect() {
        ProxySettings p = ProxySettings.parse("http://p:1", null, "");
        assertThat(p.decide("localhost:8080").why()).contains("loopback");
        assertThat(p.decide("127.0.0.1").proxied()).isFalse();
        assertThat(p.decide("https://quay.io").why()).contains("https_proxy is not set");
        assertThat(p.decide("http://quay.io").proxied()).isTrue();
    }

    @Test
    void badEntriesNameTheirPosition() {
        assertThatThrownBy(() -> NoProxyList.parse("a.com,,b.com")).hasMessage("no_proxy entry 2: is empty (two commas in a row?)");
        assertThatThrownBy(() -> NoProxyList.parse("https://a.com")).hasMessageStartingWith("no_proxy entry 1:");
        assertThatThrownBy(() -> NoProxyList.parse("a.com,10.0.0.0/33")).hasMessageContaining("no_proxy entry 2")
                .hasMessageContaining("at most 32");
        assertThatThrownBy(() -> NoProxyList.parse("300.1.1.1/8")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> NoProxyList.parse("host:99999")).hasMessageContaining("port must be");
        assertThatThrownBy(() -> NoProxyList.parse("bad_host!")).hasMessageContaining("not a valid host");
        assertThat(NoProxyList.parse("a.com,").entries()).hasSize(1);
    }

    @Test
    void noProxyWithoutProxyIsAWarning() {
        assertThat(ProxySettings.check("", null, ".corp")).extracting(FieldProblem::toString)
                .containsExactly("warning: no_proxy: is ignored: neither http_proxy nor https_proxy is set");
    }
}

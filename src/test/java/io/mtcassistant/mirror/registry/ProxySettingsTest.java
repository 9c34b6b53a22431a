package io.mtcassistant.mirror.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    @Test
    void httpsProxyIsUsedExceptForNoProxyHosts() {
        ProxySettings p = ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
                "NO_PROXY", "localhost,127.0.0.1,.internal.corp,mirror.example:8443"));
        assertThat(p.select(URI.create("https://registry.redhat.io/v2/")).get(0).type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(p.select(URI.create("https://127.0.0.1:5000/v2/")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(p.select(URI.create("https://reg.internal.corp/v2/")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(p.select(URI.create("https://mirror.example:8443/v2/")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(p.select(URI.create("https://mirror.example:443/v2/")).get(0).type()).isEqualTo(Proxy.Type.HTTP);
    }

    @Test
    void lowerCaseVariablesWorkToo() {
        ProxySettings p = ProxySettings.fromEnvironment(Map.of("https_proxy", "proxy:8080"));
        assertThat(p.select(URI.create("https://quay.io/v2/")).get(0).address().toString()).contains("proxy").contains("8080");
    }
}

package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProxyUrlTest {

    @Test
    void readsHostPortAndCredentials() {
        ProxyUrl url = ProxyUrl.parse("https_proxy", "http://alice:p%40ss@proxy.corp:3128", true);
        assertThat(url.host()).isEqualTo("proxy.corp");
        assertThat(url.port()).isEqualTo(3128);
        assertThat(url.user()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.full()).isEqualTo("http://alice:p%40ss@proxy.corp:3128");
        assertThat(url).hasToString("http://alice:****@proxy.corp:3128");
        assertThat(ProxyUrl.parse("f", "http://[fd00::5]:3128", true).withPassword("x")).isEqualTo("http://[fd00::5]:3128");
    }

    @Test
    void badUrlsNameTheField() {
        assertThatThrownBy(() -> ProxyUrl.parse("http_proxy", "proxy.corp:3128", true))
                .hasMessage("http_proxy: 'proxy.corp:3128' has no scheme; write http://HOST:PORT");
        assertThatThrownBy(() -> ProxyUrl.parse("http_proxy", "http://proxy.corp", true))
                .hasMessageStartingWith("http_proxy: ").hasMessageContaining("needs a port");
        assertThatThrownBy(() -> ProxyUrl.parse("https_proxy", "socks5://p:1080", true))
                .hasMessageStartingWith("https_proxy: the scheme must be http or https");
        assertThatThrownBy(() -> ProxyUrl.parse("stunnel_tcp_proxy", "https://u:p@p:443", false))
                .hasMessageStartingWith("stunnel_tcp_proxy: the scheme must be http,");
        assertThatThrownBy(() -> ProxyUrl.parse("http_proxy", "http://p:3128/path", true))
                .hasMessageContaining("no path");
        assertThatThrownBy(() -> ProxyUrl.parse("http_proxy", "http://onlyuser@p:3128", true))
                .hasMessageContaining("user:password@");
        assertThatThrownBy(() -> ProxyUrl.parse("http_proxy", " ", true)).hasMessage("http_proxy: is empty");
    }

    @Test
    void errorMessagesNeverShowThePassword() {
        assertThatThrownBy(() -> ProxyUrl.parse("stunnel_tcp_proxy", "http://u:hunter22@p", false))
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void supplementalGroups() {
        assertThat(SupplementalGroups.parse("src_supplemental_groups", " 1000, 2000 ")).containsExactly(1000L, 2000L);
        assertThat(SupplementalGroups.format(SupplementalGroups.parse("g", "5,6"))).isEqualTo("5,6");
        assertThat(SupplementalGroups.parse("g", "")).isEmpty();
        assertThatThrownBy(() -> SupplementalGroups.parse("target_supplemental_groups", "1000,abc"))
                .hasMessage("target_supplemental_groups: 'abc' is not a numeric group ID (write 1000,2000)");
        assertThatThrownBy(() -> SupplementalGroups.parse("g", "1,,2")).hasMessage("g: entry 2 is empty (write 1000,2000)");
        assertThatThrownBy(() -> SupplementalGroups.parse("g", "-5")).hasMessageContaining("not a numeric");
        assertThatThrownBy(() -> SupplementalGroups.parse("g", "9999999999")).hasMessageContaining("largest");
        assertThatThrownBy(() -> SupplementalGroups.parse("g", "7,7")).hasMessageContaining("twice");
    }

    @Test
    void rsyncEndpointTypes() {
        assertThat(RsyncEndpointType.parse("rsync_endpoint_type", "NodePort")).isEqualTo(RsyncEndpointType.NODE_PORT);
        assertThatThrownBy(() -> RsyncEndpointType.parse("rsync_endpoint_type", "nodeport"))
                .hasMessageStartingWith("rsync_endpoint_type: 'nodeport' is not one of Route, ClusterIP, NodePort");
    }
}

package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoProxySuggestionsTest {

    @Test
    void suggestsWhatTheMigrationNeedsAndMarksWhatIsMissing() {
        List<NoProxySuggestion> s = new NoProxySuggestions()
                .otherCluster("source", "https://api.ocp3.corp:8443")
                .mirrorRegistry("registry.corp:5000")
                .repositoryEndpoint("https://s3.openshift-storage.svc")
                .machineNetwork("10.0.0.0/16")
                .against(".corp");
        assertThat(s).extracting(NoProxySuggestion::entry).containsExactly("api.ocp3.corp", "registry.corp",
                "s3.openshift-storage.svc", "10.0.0.0/16");
        assertThat(s).extracting(NoProxySuggestion::missing).containsExactly(false, false, true, true);
        assertThat(s.get(0).why()).contains("source");
    }

    @Test
    void readsTheMachineNetworkFromAnInstallConfig() {
        String installConfig = """
                apiVersion: v1
                networking:
                  clusterNetwork:
                  - cidr: 10.128.0.0/14
                    hostPrefix: 23
                  machineNetwork:
                  - cidr: 10.0.0.0/16
                  - cidr: 192.168.10.0/24
                  networkType: OVNKubernetes
                  serviceNetwork:
                  - 172.30.0.0/16
                """;
        assertThat(NoProxySuggestions.machineNetworks(installConfig)).containsExactly("10.0.0.0/16", "192.168.10.0/24");
        assertThat(NoProxySuggestions.machineNetworks("networking:\n  machineCIDR: 10.1.0.0/16\n"))
                .containsExactly("10.1.0.0/16");
    }

    @Test
    void suggestsTheNodesNetworksUnlessTheMachineNetworkHoldsThem() {
        List<NoProxySuggestion> s = new NoProxySuggestions().machineNetwork("10.0.0.0/16")
                .nodeAddresses(List.of("10.0.1.7", "192.168.5.20", "192.168.5.21", "fd00::1:5", "not-an-ip"))
                .against("192.168.5.0/24");
        assertThat(s).extracting(NoProxySuggestion::entry).containsExactly("10.0.0.0/16", "192.168.5.0/24",
                "fd00:0:0:0:0:0:0:0/64");
        assertThat(s).extracting(NoProxySuggestion::missing).containsExactly(true, false, true);
        assertThat(s.get(1).why()).startsWith("the network of 2 nodes (InternalIP 192.168.5.20, 192.168.5.21)");
    }
}

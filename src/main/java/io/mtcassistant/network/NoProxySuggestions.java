package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The no_proxy entries a migration needs when a proxy is set: the other clusters' API hosts (the control cluster's
 * controller talks to them), the mirror registry (images are pulled from it), the replication repository's S3
 * endpoint, and the cluster's machine network (nodes and the router), each with why, marked when the current
 * no_proxy does not cover them yet.
 */
public final class NoProxySuggestions {

    private static final Pattern MACHINE_NETWORK = Pattern.compile("(?m)^\\s*-?\\s*cidr:\\s*([0-9a-fA-F:.]+/[0-9]{1,3})\\s*$");

    private final Map<String, String> wanted = new LinkedHashMap<>();

    /** An API server URL of another cluster. */
    public NoProxySuggestions otherCluster(String name, String apiUrl) {
        host(apiUrl).ifPresent(h -> wanted.putIfAbsent(h, "the API server of " + name + ": the migration controller"
                + " calls it (and execs into its pods) directly"));
        return this;
    }

    /** host[:port] of the mirror registry. */
    public NoProxySuggestions mirrorRegistry(String registry) {
        if (registry != null && !registry.isBlank()) {
            host("https://" + registry.trim()).ifPresent(h -> wanted.putIfAbsent(h, "the mirror registry: the clusters"
                    + " pull MTC's images from it inside the restricted network"));
        }
        return this;
    }

    public NoProxySuggestions repositoryEndpoint(String endpoint) {
        host(endpoint).ifPresent(h -> wanted.putIfAbsent(h, "the replication repository's S3 endpoint: Velero and"
                + " the controller read and write backups there"));
        return this;
    }

    public NoProxySuggestions machineNetwork(String cidr) {
        if (cidr != null && !cidr.isBlank()) {
            wanted.putIfAbsent(cidr.trim(), "the machine network of this cluster (install config): nodes, the router"
                    + " and the API's internal address must not go through the proxy");
        }
        return this;
    }

    /** Reads {@code machineNetwork} from kube-system/cluster-config-v1 (OpenShift 4 installer clusters only). */
    public NoProxySuggestions machineNetworkOf(KubernetesClient client) {
        try {
            ConfigMap config = client.configMaps().inNamespace("kube-system").withName("cluster-config-v1").get();
            if (config != null && config.getData() != null) {
                machineNetworks(config.getData().getOrDefault("install-config", "")).forEach(this::machineNetwork);
            }
        } catch (KubernetesClientException e) {
            // no install config (OpenShift 3, or not allowed): nothing to suggest from it
        }
        return this;
    }

    /**
     * The networks of the nodes' InternalIP addresses (each address's /24, or /64 for IPv6), for clusters without an
     * install config (OpenShift 3, user-provisioned); a network inside one already suggested is left out.
     */
    public NoProxySuggestions nodeAddressesOf(KubernetesClient client) {
        List<String> addresses = new ArrayList<>();
        try {
            for (io.fabric8.kubernetes.api.model.Node node : client.nodes().list().getItems()) {
                if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
                    node.getStatus().getAddresses().stream().filter(a -> "InternalIP".equals(a.getType()))
                            .forEach(a -> addresses.add(a.getAddress()));
                }
            }
        } catch (KubernetesClientException e) {
            return this; // listing nodes needs cluster-reader: nothing to suggest from them
        }
        return nodeAddresses(addresses);
    }

    NoProxySuggestions nodeAddresses(List<String> addresses) {
        Map<String, List<String>> byNetwork = new LinkedHashMap<>();
        for (String address : addresses) {
            java.net.InetAddress ip = NoProxyEntry.ipLiteral(address);
            if (ip != null) {
                Cidr network = Cidr.parse("node address", address + (ip.getAddress().length == 4 ? "/24" : "/64"));
                byNetwork.computeIfAbsent(network(network), k -> new ArrayList<>()).add(address);
            }
        }
        byNetwork.forEach((cidr, ips) -> {
            Cidr network = Cidr.parse("node network", cidr);
            boolean inside = wanted.keySet().stream().filter(k -> k.contains("/")).map(k -> Cidr.parse("suggestion", k))
                    .anyMatch(known -> known.contains(network));
            if (!inside) {
                wanted.putIfAbsent(cidr, "the network of " + ips.size() + (ips.size() == 1 ? " node" : " nodes")
                        + " (InternalIP " + String.join(", ", ips) + "): kubelets, node ports (rsync endpoint type"
                        + " NodePort) and the router must not go through the proxy");
            }
        });
        return this;
    }

    /** The range's first address with its prefix ("10.0.1.0/24" for 10.0.1.7/24). */
    private static String network(Cidr cidr) {
        byte[] bytes = cidr.base().getAddress();
        int bits = cidr.prefixLength();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            bytes[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
        }
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress() + "/" + bits;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CIDRs under {@code networking.machineNetwork} (or the older {@code machineCIDR}) of an install config. */
    static List<String> machineNetworks(String installConfig) {
        List<String> cidrs = new ArrayList<>();
        int start = installConfig.indexOf("machineNetwork:");
        if (start >= 0) {
            String rest = installConfig.substring(start + "machineNetwork:".length());
            String[] lines = rest.split("\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if (!line.isBlank() && !line.trim().startsWith("-") && !line.trim().startsWith("cidr:")) {
                    break;
                }
                Matcher m = MACHINE_NETWORK.matcher(line);
                if (m.find()) {
                    cidrs.add(m.group(1));
                }
            }
        }
        Matcher old = Pattern.compile("(?m)^\\s*machineCIDR:\\s*([0-9a-fA-F:.]+/[0-9]{1,3})").matcher(installConfig);
        if (cidrs.isEmpty() && old.find()) {
            cidrs.add(old.group(1));
        }
        return cidrs;
    }

    /** The suggestions against the no_proxy in effect (which may be blank or invalid: then everything is missing). */
    public List<NoProxySuggestion> against(String currentNoProxy) {
        NoProxyList current;
        try {
            current = NoProxyList.parse(currentNoProxy);
        } catch (InvalidSettingException e) {
            current = new NoProxyList(List.of());
        }
        List<NoProxySuggestion> result = new ArrayList<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            result.add(new NoProxySuggestion(e.getKey(), e.getValue(), !covered(current, e.getKey())));
        }
        return result;
    }

    private static boolean covered(NoProxyList list, String entry) {
        if (entry.contains("/")) {
            return list.entries().stream().anyMatch(e -> e.raw().equals(entry) || e.type() == NoProxyEntry.Type.ANY);
        }
        return list.covers(entry, -1) || list.entries().stream().anyMatch(e -> e.host().equals(entry));
    }

    private static java.util.Optional<String> host(String url) {
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            String h = URI.create(url.contains("://") ? url.trim() : "https://" + url.trim()).getHost();
            return java.util.Optional.ofNullable(h).map(String::toLowerCase);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}

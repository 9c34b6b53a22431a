package io.mtcassistant.network;

/** The two ways a client upgrades an exec request: kubectl and the MTC controller's SPDY, and the newer websocket. */
public enum UpgradeProtocol {
    SPDY("SPDY/3.1"),
    WEBSOCKET("websocket v4.channel.k8s.io");

    private final String label;

    UpgradeProtocol(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

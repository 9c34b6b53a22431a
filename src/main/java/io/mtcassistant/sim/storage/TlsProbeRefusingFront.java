package io.mtcassistant.sim.storage;

import io.mtcassistant.sim.LoopbackConnections;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The simulated S3 server's public port: passes HTTP connections through to the JDK HttpServer behind it and closes
 * at once those that open with a TLS handshake record. The JDK server would wait for a request line that a TLS
 * ClientHello never ends, so the repository check's "is this port TLS?" probe would hang until its timeout; a real
 * plain-HTTP S3 server answers such a probe with an error straight away.
 */
final class TlsProbeRefusingFront implements AutoCloseable {

    /** The first byte of every TLS record that starts a handshake. */
    private static final int TLS_HANDSHAKE = 0x16;

    private final int backendPort;
    private final LoopbackConnections connections;

    TlsProbeRefusingFront(int backendPort) throws IOException {
        this.backendPort = backendPort;
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        connections = new LoopbackConnections(listener, "sim-s3-front", this::serve);
    }

    int port() {
        return connections.port();
    }

    private void serve(Socket client) {
        connections.track(client);
        try (client) {
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0 || first == TLS_HANDSHAKE) {
                return; // a bare TCP check, or a TLS probe: closing is the answer
            }
            Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
            connections.track(backend);
            try {
                client.setTcpNoDelay(true);
                backend.setTcpNoDelay(true);
                connections.execute(() -> copyThenClose(backend, client));
                backend.getOutputStream().write(first);
                in.transferTo(backend.getOutputStream());
            } finally {
                connections.closeAndForget(backend);
            }
        } catch (IOException e) {
            // a dropped connection ends this connection only
        } finally {
            connections.closeAndForget(client);
        }
    }

    /** The backend's replies to the client, until either side closes (HTTP clients do not half-close). */
    private void copyThenClose(Socket backend, Socket client) {
        try (backend; client) {
            backend.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException e) {
            // closed by the other direction, or the connection dropped
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}

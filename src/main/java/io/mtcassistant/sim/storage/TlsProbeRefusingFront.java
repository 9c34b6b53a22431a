package io.mtcassistant.sim.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The simulated S3 server's public port: passes HTTP connections through to the JDK HttpServer behind it and closes
 * at once those that open with a TLS handshake record. The JDK server would wait for a request line that a TLS
 * ClientHello never ends, so the repository check's "is this port TLS?" probe would hang until its timeout; a real
 * plain-HTTP S3 server answers such a probe with an error straight away.
 */
final class TlsProbeRefusingFront implements AutoCloseable {

    /** The first byte of every TLS record that starts a handshake. */
    private static final int TLS_HANDSHAKE = 0x16;

    private final ServerSocket listener;
    private final int backendPort;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    TlsProbeRefusingFront(int backendPort) throws IOException {
        this.backendPort = backendPort;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sim-s3-front");
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptForever);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        try (client) {
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0 || first == TLS_HANDSHAKE) {
                return; // a bare TCP check, or a TLS probe: closing is the answer
            }
            try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
                open.add(backend);
                client.setTcpNoDelay(true);
                backend.setTcpNoDelay(true);
                threads.execute(() -> copyThenClose(backend, client));
                backend.getOutputStream().write(first);
                in.transferTo(backend.getOutputStream());
            } finally {
                open.removeIf(Socket::isClosed);
            }
        } catch (IOException e) {
            // a dropped connection ends this connection only
        } finally {
            open.remove(client);
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
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        threads.shutdownNow();
    }
}

package io.mtcassistant.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Terminates TLS for a simulated cluster and passes the bytes to its plain-HTTP mock server. The mock server's
 * own HTTPS makes an RSA key on every start (slow) and a certificate without 127.0.0.1; this front uses the
 * simulation's own CA, so clients can verify it like a real cluster's.
 */
final class TlsFront implements AutoCloseable {

    private final ServerSocket listener;
    private final int backendPort;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    TlsFront(SSLContext context, int backendPort, String name) throws IOException {
        this.backendPort = backendPort;
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        socket.setNeedClientAuth(false);
        this.listener = socket;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sim-tls-" + name);
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
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            open.add(backend);
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            threads.execute(() -> pump(backend, client));
            pump(client, backend);
        } catch (IOException e) {
            // a failed handshake or a dropped connection ends this connection only
        } finally {
            open.remove(client);
        }
    }

    /** Copies until either side ends, then closes both (HTTP clients do not half-close). */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException e) {
            // closed by the other pump
        } catch (IOException e) {
            // connection dropped
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(TlsFront::closeQuietly);
        threads.shutdownNow();
    }
}

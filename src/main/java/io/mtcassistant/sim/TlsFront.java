package io.mtcassistant.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Terminates TLS for a simulated cluster and passes the bytes to its plain-HTTP mock server. The mock server's
 * own HTTPS makes an RSA key on every start (slow) and a certificate without 127.0.0.1; this front uses the
 * simulation's own CA, so clients can verify it like a real cluster's.
 */
final class TlsFront implements AutoCloseable {

    private final LoopbackConnections connections;
    private final int backendPort;
    private final String identitySecret;
    private final java.util.function.Predicate<String> authorization;

    /**
     * @param identitySecret proves to the dispatcher that a client-certificate identity header came from here
     */
    TlsFront(SSLContext context, int backendPort, String name, String identitySecret,
            java.util.function.Predicate<String> authorization) throws IOException {
        this(context, backendPort, name, identitySecret, authorization, 0);
    }

    /** @param port the port to listen on (0: a free one), to come back on the same URL after a simulated outage */
    TlsFront(SSLContext context, int backendPort, String name, String identitySecret,
            java.util.function.Predicate<String> authorization, int port) throws IOException {
        this.backendPort = backendPort;
        this.identitySecret = identitySecret;
        this.authorization = authorization;
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        socket.setWantClientAuth(true); // like kube-apiserver: a client certificate is optional
        this.connections = new LoopbackConnections(socket, "sim-tls-" + name, this::serve);
    }

    int port() {
        return connections.port();
    }

    private void serve(Socket client) {
        connections.track(client);
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            connections.track(backend);
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            String commonName = clientCommonName((SSLSocket) client);
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(client.getInputStream());
            if (answeredUpgrade(in, client.getOutputStream(), commonName != null)) {
                return;
            }
            InputStream backendIn = backend.getInputStream();
            connections.execute(() -> pump(backend, backendIn, client));
            if (commonName == null) {
                pump(client, in, backend);
            } else {
                forwardWithIdentity(client, in, backend, commonName);
            }
        } catch (IOException e) {
            // a failed handshake or a dropped connection ends this connection only
        } finally {
            connections.closeAndForget(client);
        }
    }

    /**
     * Answers an exec-style upgrade itself (the mock server cannot switch protocols); other requests are left unread.
     * Only the first request of a connection is looked at: clients open a new connection for each upgrade.
     */
    private boolean answeredUpgrade(java.io.BufferedInputStream in, OutputStream out, boolean certificate)
            throws IOException {
        in.mark(64 * 1024);
        byte[] head = new byte[64 * 1024];
        int length = 0;
        while (length < head.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head[length++] = (byte) b;
            if (length >= 4 && head[length - 4] == '\r' && head[length - 3] == '\n' && head[length - 2] == '\r'
                    && head[length - 1] == '\n') {
                break;
            }
        }
        in.reset();
        java.util.Map<String, String> upgrade = ExecUpgrades.upgradeRequest(
                new String(head, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (upgrade == null) {
            return false;
        }
        boolean authenticated = certificate || authorization.test(upgrade.get("authorization"));
        out.write(authenticated ? ExecUpgrades.switchingProtocols(upgrade) : ExecUpgrades.unauthorized());
        out.flush();
        return true;
    }

    private void forwardWithIdentity(Socket client, InputStream in, Socket backend, String commonName) {
        try {
            new ClientIdentityForwarder(identitySecret, commonName).copy(in, backend.getOutputStream());
        } catch (IOException | RuntimeException e) {
            // a dropped or malformed request ends this connection only
        } finally {
            connections.closeAndForget(client, backend);
        }
    }

    /** The CN of a verified client certificate, or null when the client sent none. */
    private static String clientCommonName(SSLSocket socket) throws IOException {
        socket.startHandshake();
        Certificate[] peer;
        try {
            peer = socket.getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
        if (peer.length == 0 || !(peer[0] instanceof X509Certificate certificate)) {
            return null;
        }
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    /** Copies until either side ends, then closes both (HTTP clients do not half-close). */
    private void pump(Socket from, InputStream in, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // closed by the other pump, or the connection dropped
        } finally {
            connections.closeAndForget(from, to);
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}

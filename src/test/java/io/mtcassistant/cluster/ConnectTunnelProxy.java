package io.mtcassistant.cluster;

import io.mtcassistant.common.HttpHeads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal HTTP CONNECT proxy on 127.0.0.1 for tests of proxy-url; records the targets it was asked for. */
final class ConnectTunnelProxy implements AutoCloseable {

    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ConnectTunnelProxy() throws IOException {
        Thread acceptor = new Thread(this::acceptForever, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    List<String> requests() {
        return requests;
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread handler = new Thread(() -> tunnel(client), "test-proxy-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try {
            InputStream in = client.getInputStream();
            String head = HttpHeads.read(in);
            String requestLine = head.lines().findFirst().orElse("");
            requests.add(requestLine);
            String[] parts = requestLine.split(" ");
            if (parts.length < 2 || !"CONNECT".equals(parts[0])) {
                client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            String[] hostPort = parts[1].split(":");
            Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
            sockets.add(upstream);
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Thread back = new Thread(() -> pump(upstream, client), "test-proxy-back");
            back.setDaemon(true);
            back.start();
            pump(client, upstream);
        } catch (IOException e) {
            // connection ended
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}

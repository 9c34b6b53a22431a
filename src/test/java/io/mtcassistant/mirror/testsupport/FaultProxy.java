package io.mtcassistant.mirror.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting HTTP/1.1 reverse proxy on 127.0.0.1 in front of a real registry. Requests pass
 * through unchanged (the Host header too, so the registry's upload locations point back at the
 * proxy) unless a {@link Fault} matches: answer a status (500, 503, 429 with Retry-After), drop
 * the connection part-way through a response or a request body, stall (send nothing more), or
 * truncate a body (a shorter Content-Length, on a connection that stays usable). It counts the
 * request body bytes that reach the registry, so a test can measure what a rerun sends again.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Kind { STATUS, DROP_RESPONSE, STALL_RESPONSE, TRUNCATE_RESPONSE, DROP_REQUEST, CUT_REQUEST, HOLD_REQUEST }

    /** What to do to the next {@code times} requests whose method matches and whose path contains the fragment. */
    public static final class Fault {
        final String method;
        final String path;
        final AtomicInteger remaining;
        final Kind kind;
        final int status;
        final Map<String, String> headers;
        final long bytes;
        final AtomicInteger skip = new AtomicInteger();

        private Fault(String method, String path, int times, Kind kind, int status, Map<String, String> headers, long bytes) {
            this.method = method;
            this.path = path;
            this.remaining = new AtomicInteger(times);
            this.kind = kind;
            this.status = status;
            this.headers = headers;
            this.bytes = bytes;
        }

        public static Fault status(String method, String path, int times, int status, Map<String, String> headers) {
            return new Fault(method, path, times, Kind.STATUS, status, headers, 0);
        }

        /** Sends the response head and {@code afterBytes} of its body, then closes the connection. */
        public static Fault dropResponse(String method, String path, int times, long afterBytes) {
            return new Fault(method, path, times, Kind.DROP_RESPONSE, 0, Map.of(), afterBytes);
        }

        /** Sends the response head and {@code afterBytes} of its body, then nothing until the client gives up. */
        public static Fault stallResponse(String method, String path, int times, long afterBytes) {
            return new Fault(method, path, times, Kind.STALL_RESPONSE, 0, Map.of(), afterBytes);
        }

        /** Announces and sends only {@code keepBytes} of the body: a complete-looking, short response. */
        public static Fault truncateResponse(String method, String path, int times, long keepBytes) {
            return new Fault(method, path, times, Kind.TRUNCATE_RESPONSE, 0, Map.of(), keepBytes);
        }

        /** Reads {@code afterBytes} of the request body and closes; the registry sees nothing of the request. */
        public static Fault dropRequest(String method, String path, int times, long afterBytes) {
            return new Fault(method, path, times, Kind.DROP_REQUEST, 0, Map.of(), afterBytes);
        }

        /** Takes the request head and then neither reads nor forwards anything (a test kills the client meanwhile). */
        public static Fault holdRequest(String method, String path, int times) {
            return new Fault(method, path, times, Kind.HOLD_REQUEST, 0, Map.of(), 0);
        }

        /** Forwards {@code afterBytes} of the request body to the registry, then cuts both connections. */
        public static Fault cutRequest(String method, String path, int times, long afterBytes) {
            return new Fault(method, path, times, Kind.CUT_REQUEST, 0, Map.of(), afterBytes);
        }

        /** Lets the first n matching requests through untouched. */
        public Fault afterMatches(int n) {
            skip.set(n);
            return this;
        }

        boolean matches(String m, String p) {
            return (method == null || method.equals(m)) && p.contains(path);
        }
    }

    /** One request seen: what the client asked and what it got (a status, or the fault applied). */
    public record Hit(Instant at, String method, String path, String outcome) {
    }

    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> bodyBytes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public FaultProxy(String upstreamHostPort) throws IOException {
        int colon = upstreamHostPort.lastIndexOf(':');
        this.upstreamHost = upstreamHostPort.substring(0, colon);
        this.upstreamPort = Integer.parseInt(upstreamHostPort.substring(colon + 1));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::accept);
    }

    public String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public FaultProxy add(Fault fault) {
        faults.add(fault);
        return this;
    }

    public void clear() {
        faults.clear();
        hits.clear();
        bodyBytes.clear();
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Request body bytes forwarded to the registry for requests of this method (PATCH, PUT, ...). */
    public long forwardedBodyBytes(String method) {
        AtomicLong n = bodyBytes.get(method);
        return n == null ? 0 : n.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                pool.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private Fault take(String method, String path) {
        for (Fault f : faults) {
            if (f.matches(method, path) && f.skip.getAndDecrement() <= 0 && f.remaining.getAndDecrement() > 0) {
                return f;
            }
        }
        return null;
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (!closed) {
                List<String> head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                String method = requestLine[0];
                String path = requestLine[1];
                long length = contentLength(head);
                Fault fault = take(method, path);
                if (fault != null && fault.kind == Kind.STATUS) {
                    skip(in, length);
                    hits.add(new Hit(Instant.now(), method, path, "fault " + fault.status));
                    byte[] body = ("{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"injected " + fault.status + "\"}]}")
                            .getBytes(StandardCharsets.UTF_8);
                    StringBuilder resp = new StringBuilder("HTTP/1.1 " + fault.status + " Injected\r\n");
                    fault.headers.forEach((k, v) -> resp.append(k).append(": ").append(v).append("\r\n"));
                    resp.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
                    out.write(resp.toString().getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                    continue;
                }
                if (fault != null && fault.kind == Kind.HOLD_REQUEST) {
                    hits.add(new Hit(Instant.now(), method, path, "held request"));
                    Instant until = Instant.now().plus(Duration.ofMinutes(3));
                    while (!closed && Instant.now().isBefore(until)) {
                        Thread.sleep(50);
                    }
                    return;
                }
                if (fault != null && fault.kind == Kind.DROP_REQUEST) {
                    skip(in, Math.min(length, fault.bytes));
                    hits.add(new Hit(Instant.now(), method, path, "dropped request after " + fault.bytes + " bytes"));
                    return;
                }
                try (Socket upstream = new Socket(upstreamHost, upstreamPort)) {
                    open.add(upstream);
                    OutputStream up = upstream.getOutputStream();
                    up.write(String.join("\r\n", head).concat("\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    AtomicLong counter = bodyBytes.computeIfAbsent(method, k -> new AtomicLong());
                    if (fault != null && fault.kind == Kind.CUT_REQUEST) {
                        copy(in, up, Math.min(length, fault.bytes), counter);
                        up.flush();
                        hits.add(new Hit(Instant.now(), method, path, "cut request after " + fault.bytes + " bytes"));
                        // Let the registry take in what it got before the cut.
                        Thread.sleep(200);
                        return;
                    }
                    copy(in, up, length, counter);
                    up.flush();
                    InputStream upIn = upstream.getInputStream();
                    List<String> respHead = readHead(upIn);
                    if (respHead == null) {
                        return;
                    }
                    int status = Integer.parseInt(respHead.get(0).split(" ")[1]);
                    boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1;
                    long respLength = noBody ? 0 : contentLength(respHead);
                    boolean chunked = !noBody && header(respHead, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked");
                    if (fault != null && !noBody && respLength > 0 && fault.kind != Kind.STATUS) {
                        hits.add(new Hit(Instant.now(), method, path, fault.kind + " after " + fault.bytes + " bytes"));
                        if (fault.kind == Kind.TRUNCATE_RESPONSE) {
                            List<String> shortened = new ArrayList<>();
                            for (String h : respHead) {
                                shortened.add(h.toLowerCase(Locale.ROOT).startsWith("content-length:")
                                        ? "Content-Length: " + Math.min(respLength, fault.bytes) : h);
                            }
                            out.write(String.join("\r\n", shortened).concat("\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            copy(upIn, out, Math.min(respLength, fault.bytes), null);
                            out.flush();
                            continue;
                        }
                        out.write(String.join("\r\n", respHead).concat("\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        copy(upIn, out, Math.min(respLength, fault.bytes), null);
                        out.flush();
                        if (fault.kind == Kind.STALL_RESPONSE) {
                            Instant until = Instant.now().plus(Duration.ofMinutes(1));
                            while (!closed && Instant.now().isBefore(until) && !client.isClosed()) {
                                Thread.sleep(50);
                                if (in.available() < 0) {
                                    break;
                                }
                            }
                        }
                        return;
                    }
                    hits.add(new Hit(Instant.now(), method, path, String.valueOf(status)));
                    out.write(String.join("\r\n", respHead).concat("\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (chunked) {
                        copyChunked(upIn, out);
                    } else if (respLength > 0) {
                        copy(upIn, out, respLength, null);
                    }
                    out.flush();
                    if (header(head, "connection").equalsIgnoreCase("close")) {
                        return;
                    }
                } finally {
                    open.removeIf(Socket::isClosed);
                }
            }
        } catch (IOException e) {
            // the client or the registry went away: that connection is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0 || (buf.size() == 0 && c == 0x16)) {
                return null; // closed, or a TLS hello: this proxy speaks plain HTTP only
            }
            buf.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : c == '\r' ? 1 : 0;
        }
        String text = buf.toString(StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.substring(0, text.length() - 4).split("\r\n")));
        return lines;
    }

    private static String header(List<String> head, String name) {
        for (int i = 1; i < head.size(); i++) {
            String h = head.get(i);
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static long contentLength(List<String> head) {
        String v = header(head, "content-length");
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }

    private static void skip(InputStream in, long n) throws IOException {
        copy(in, OutputStream.nullOutputStream(), n, null);
    }

    private static void copy(InputStream in, OutputStream out, long n, AtomicLong counter) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("ended early");
            }
            out.write(buf, 0, r);
            if (counter != null) {
                counter.addAndGet(r);
            }
            left -= r;
        }
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String line = readLine(in);
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long size = Long.parseLong(line.split(";")[0].trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return;
            }
            copy(in, out, size + 2, null);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }
}

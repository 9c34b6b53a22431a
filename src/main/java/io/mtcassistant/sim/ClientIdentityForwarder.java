package io.mtcassistant.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Copies HTTP/1.1 requests from a TLS connection that presented a client certificate to the mock server, adding
 * a header that names the certificate's subject (what a real API server's x509 authenticator would use). The
 * header carries a per-cluster secret so a client cannot claim an identity by sending it itself.
 */
final class ClientIdentityForwarder {

    static final String HEADER = "X-Simulation-Client-Certificate";

    private final String headerValue;

    ClientIdentityForwarder(String secret, String commonName) {
        this.headerValue = secret + ":" + commonName;
    }

    /** Copies requests until the client closes; after a protocol upgrade (watches) the bytes pass unchanged. */
    void copy(InputStream rawIn, OutputStream out) throws IOException {
        BufferedInputStream in = new BufferedInputStream(rawIn);
        while (true) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            StringBuilder rewritten = new StringBuilder();
            long contentLength = 0;
            boolean chunked = false;
            boolean upgrade = false;
            String[] lines = head.split("\r\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String lower = line.toLowerCase(Locale.ROOT);
                if (i > 0 && lower.startsWith(HEADER.toLowerCase(Locale.ROOT) + ":")) {
                    continue;
                }
                if (lower.startsWith("content-length:")) {
                    contentLength = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("upgrade:")) {
                    upgrade = true;
                }
                rewritten.append(line).append("\r\n");
                if (i == 0) {
                    rewritten.append(HEADER).append(": ").append(headerValue).append("\r\n");
                }
            }
            rewritten.append("\r\n");
            out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (upgrade) {
                out.flush();
                in.transferTo(out);
                return;
            }
            if (chunked) {
                copyChunks(in, out);
            } else {
                copyExactly(in, out, contentLength);
            }
            out.flush();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
                case 3 -> b == '\n' ? 4 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static void copyChunks(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                return;
            }
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String hex = sizeLine.contains(";") ? sizeLine.substring(0, sizeLine.indexOf(';')) : sizeLine;
            long size = Long.parseLong(hex.trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write(((trailer == null ? "" : trailer) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (trailer != null && !trailer.isEmpty());
                return;
            }
            copyExactly(in, out, size);
            String end = readLine(in);
            out.write(((end == null ? "" : end) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void copyExactly(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the request body ended early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}

package io.mtcassistant.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** For the tests' small HTTP peers: the request line and headers of one request, up to the blank line. */
public final class HttpHeads {

    private HttpHeads() {
    }

    /** Reads up to and including the CRLF CRLF that ends the head (or to the end of the stream). */
    public static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] end = {'\r', '\n', '\r', '\n'};
        int matched = 0;
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}

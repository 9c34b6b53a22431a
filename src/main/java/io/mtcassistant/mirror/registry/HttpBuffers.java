package io.mtcassistant.mirror.registry;

/**
 * The JDK HTTP client's read and body buffer size ({@code jdk.httpclient.bufsize}, 16 KiB by default). The client
 * allocates a fresh buffer per socket read and per chunk of a streamed request body, so at 16 KiB copying a 500 MB
 * image set cost about a third more CPU than at 256 KiB (scripts/bench-mirror.sh, CPU seconds measured with
 * /usr/bin/time). Read once when the client first loads: the launcher sets it before any client exists.
 */
public final class HttpBuffers {

    static final String PROPERTY = "jdk.httpclient.bufsize";
    static final int SIZE = 256 * 1024;

    private HttpBuffers() {
    }

    /** Sets the larger buffer unless the user chose one with -Djdk.httpclient.bufsize. */
    public static void useLargeBuffers() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(SIZE));
        }
    }
}

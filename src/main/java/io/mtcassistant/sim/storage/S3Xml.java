package io.mtcassistant.sim.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The XML documents of the simulated S3 server's replies, in S3's namespace. */
final class S3Xml {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    private S3Xml() {
    }

    /** A document whose root element is {@code root}, in S3's namespace. */
    static S3Xml document(String root) {
        S3Xml document = new S3Xml();
        document.xml.append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">");
        return document;
    }

    /** Elements to splice into a document with {@link #raw}. */
    static S3Xml fragment() {
        S3Xml fragment = new S3Xml();
        fragment.xml.setLength(0);
        return fragment;
    }

    S3Xml raw(String elements) {
        xml.append(elements);
        return this;
    }

    String body() {
        return xml.toString();
    }

    /** An error document (S3 writes these without a namespace). */
    static String error(String code, String message, String resource, String requestId) {
        S3Xml document = new S3Xml();
        document.xml.append("<Error>");
        return document.element("Code", code).element("Message", message).element("Resource", resource)
                .element("RequestId", requestId).end("Error");
    }

    S3Xml element(String name, Object value) {
        xml.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</").append(name).append('>');
        return this;
    }

    S3Xml open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    S3Xml close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    String end(String root) {
        return close(root).xml.toString();
    }

    /** S3's timestamp form in listings: ISO-8601 with milliseconds. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString().replaceFirst("(\\d\\d:\\d\\d:\\d\\d)Z$", "$1.000Z");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

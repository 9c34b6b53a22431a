package io.mtcassistant.sim.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * ListObjects (v1) and ListObjectsV2 over one bucket: prefix, delimiter (common prefixes), max-keys, marker /
 * start-after / continuation-token, and {@code encoding-type=url}. No versions, owners or storage classes but STANDARD.
 */
final class BucketListing {

    /** The query parameters a listing understands; anything else on GET /bucket is a subresource not simulated. */
    static final Set<String> PARAMETERS = Set.of("prefix", "delimiter", "max-keys", "marker", "list-type",
            "continuation-token", "start-after", "encoding-type", "fetch-owner");
    private static final int MAX_KEYS = 1000;

    private BucketListing() {
    }

    static String list(String bucket, NavigableMap<String, StoredObject> objects, Map<String, String> query) {
        boolean v2 = "2".equals(query.get("list-type"));
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.getOrDefault("delimiter", "");
        boolean url = "url".equals(query.get("encoding-type"));
        int maxKeys = maxKeys(query.get("max-keys"));
        String after = v2 ? after(query.get("continuation-token"), query.getOrDefault("start-after", ""))
                : query.getOrDefault("marker", "");

        S3Xml xml = S3Xml.document("ListBucketResult").element("Name", bucket).element("Prefix", encode(prefix, url));
        if (v2) {
            if (query.containsKey("continuation-token")) {
                xml.element("ContinuationToken", query.get("continuation-token"));
            }
            if (query.containsKey("start-after")) {
                xml.element("StartAfter", encode(query.get("start-after"), url));
            }
        } else {
            xml.element("Marker", encode(after, url));
        }
        StringBuilder entries = new StringBuilder();
        Set<String> commonPrefixes = new LinkedHashSet<>();
        int count = 0;
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> entry : objects.tailMap(after, false).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                if (key.compareTo(prefix) > 0) {
                    break;
                }
                continue;
            }
            int cut = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
            String common = cut < 0 ? null : key.substring(0, cut + delimiter.length());
            if (common != null && commonPrefixes.contains(common)) {
                continue;
            }
            if (count == maxKeys) {
                truncated = true;
                break;
            }
            count++;
            if (common != null) {
                commonPrefixes.add(common);
                // every key under this prefix is covered by it: the next page starts after all of them
                last = common + Character.MAX_VALUE;
            } else {
                last = key;
                StoredObject object = entry.getValue();
                entries.append(S3Xml.fragment().open("Contents").element("Key", encode(key, url))
                        .element("LastModified", S3Xml.timestamp(object.lastModified())).element("ETag", object.etag())
                        .element("Size", object.content().length).element("StorageClass", "STANDARD").close("Contents")
                        .body());
            }
        }
        if (v2) {
            xml.element("KeyCount", count);
        }
        xml.element("MaxKeys", maxKeys);
        if (!delimiter.isEmpty()) {
            xml.element("Delimiter", encode(delimiter, url));
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("IsTruncated", truncated);
        if (truncated && last != null) {
            if (v2) {
                xml.element("NextContinuationToken", Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
            } else {
                xml.element("NextMarker", encode(last, url));
            }
        }
        xml.raw(entries.toString());
        for (String common : commonPrefixes) {
            xml.open("CommonPrefixes").element("Prefix", encode(common, url)).close("CommonPrefixes");
        }
        return xml.end("ListBucketResult");
    }

    private static String after(String token, String startAfter) {
        if (token == null) {
            return startAfter;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return key.compareTo(startAfter) > 0 ? key : startAfter;
        } catch (IllegalArgumentException e) {
            throw S3Failure.badRequest("InvalidArgument", "The continuation token provided is incorrect");
        }
    }

    private static int maxKeys(String text) {
        if (text == null) {
            return MAX_KEYS;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Failure.badRequest("InvalidArgument", "max-keys must be a number from 0 to 2147483647");
        }
    }

    private static String encode(String text, boolean url) {
        return url ? SigV4.uriEncode(text, true) : text;
    }
}

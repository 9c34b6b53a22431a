package io.mtcassistant.sim.storage;

import java.nio.charset.StandardCharsets;

/**
 * A request whose SigV4 header signature checked out: what an aws-chunked body's chunk and trailer signatures chain
 * on (the signing key, the request's time and scope, and its signature as the seed).
 */
record SignedRequest(String accessKeyId, String amzDate, String scope, byte[] signingKey, String seedSignature) {

    /** The signature of one link in the chain: {@code kind} is AWS4-HMAC-SHA256-PAYLOAD or -TRAILER. */
    String chainSignature(String kind, String previousSignature, String... hashes) {
        StringBuilder text = new StringBuilder(kind).append('\n').append(amzDate).append('\n').append(scope).append('\n')
                .append(previousSignature);
        for (String hash : hashes) {
            text.append('\n').append(hash);
        }
        return SigV4.hex(SigV4.hmac(signingKey, text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}

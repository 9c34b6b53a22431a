package io.mtcassistant.storage;

import io.mtcassistant.mirror.registry.TlsSettings;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * S3 clients as Velero uses the repository: path-style addressing (NooBaa and most private S3 servers have no
 * wildcard DNS for virtual-hosted buckets), the JDK's HttpURLConnection with this target's TLS trust, no retries
 * (a check should report the first failure, not hide it), checksums only where S3 requires them (NooBaa and older
 * servers reject the SDK's newer default trailers).
 */
final class S3ClientFactory {

    private S3ClientFactory() {
    }

    static SSLContext tls(RepositoryTarget target) {
        return TlsSettings.context(target.caFile().map(List::of).orElse(List.of()), target.insecure());
    }

    static S3Client client(RepositoryTarget target, S3Keys keys, Duration timeout) {
        return client(target, keys, timeout, true);
    }

    /** A client whose requests carry exactly their payload (over plain HTTP the SDK otherwise frames it aws-chunked). */
    static S3Client withoutChunkedEncoding(RepositoryTarget target, S3Keys keys, Duration timeout) {
        return client(target, keys, timeout, false);
    }

    private static S3Client client(RepositoryTarget target, S3Keys keys, Duration timeout, boolean chunked) {
        SSLContext tls = target.https() ? tls(target) : null;
        SdkHttpClient http = UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout((int) timeout.toMillis());
                connection.setReadTimeout((int) timeout.toMillis());
                if (connection instanceof HttpsURLConnection https && tls != null) {
                    https.setSSLSocketFactory(tls.getSocketFactory());
                    if (target.insecure()) {
                        https.setHostnameVerifier((host, session) -> true);
                    }
                }
                return connection;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return S3Client.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(target.region()))
                .forcePathStyle(true)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(chunked).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
                .httpClient(http)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())
                        .apiCallTimeout(timeout.multipliedBy(2)))
                .build();
    }
}

package io.mtcassistant.storage;

/** What can be wrong with a replication repository, each in plain words with the next step. */
public enum RepositoryProblem {
    NAME_NOT_FOUND("the endpoint's host name does not resolve",
            "check the name (for the Multicloud Object Gateway use the S3 route's host, status.services.serviceS3.externalDNS) "
            + "and this workstation's DNS"),
    UNREACHABLE("nothing answers at the endpoint's address and port (connection refused or no route)",
            "check the port in the URL, that the S3 route or service exists, and firewalls between here and the endpoint"),
    TIMED_OUT("the endpoint accepted the connection or the request but did not answer in time",
            "check proxies and firewalls that hold connections open; the S3 service may be overloaded or not ready"),
    CERTIFICATE_NOT_TRUSTED("the endpoint's TLS certificate is not signed by a CA this check trusts",
            "give the CA bundle that signed it (--ca-file; on OpenShift the ingress or service CA), or --insecure "
            + "to skip verification (then MigStorage needs insecure: true as well)"),
    CERTIFICATE_NAME_MISMATCH("the endpoint's TLS certificate is not issued for this host name",
            "use the host name the certificate names (the route's host), or --insecure to skip verification"),
    HTTPS_EXPECTED_HTTP_FOUND("the URL says https:// but the endpoint speaks plain HTTP",
            "use http:// with this port, or the endpoint's HTTPS port"),
    HTTP_EXPECTED_HTTPS_FOUND("the URL says http:// but the endpoint speaks HTTPS (TLS)",
            "use https:// with this port (and --ca-file if its certificate is private)"),
    WRONG_ACCESS_KEY("the endpoint does not know this access key id",
            "take the key from the right Secret (for NooBaa the admin Secret its status names, or the ObjectBucketClaim's "
            + "Secret) and check for pasted spaces"),
    WRONG_SECRET("the access key id is known but the request signature does not match: the secret access key is wrong",
            "take the secret access key from the same Secret as the access key id"),
    BUCKET_MISSING("the bucket does not exist on this endpoint",
            "create it (--create-bucket, or an ObjectBucketClaim), or correct the name"),
    ACCESS_DENIED("the keys are valid but may not use this bucket",
            "use keys that own the bucket (the ObjectBucketClaim's keys, or the NooBaa admin keys) or grant them access"),
    OBJECT_MISMATCH("the object read back differs from the one written",
            "a proxy or gateway in between changes content; check it"),
    S3_ERROR("the endpoint refused the request",
            "see the error code; check the endpoint is S3 (not the NooBaa management console) and its logs");

    private final String meaning;
    private final String nextStep;

    RepositoryProblem(String meaning, String nextStep) {
        this.meaning = meaning;
        this.nextStep = nextStep;
    }

    public String meaning() {
        return meaning;
    }

    public String nextStep() {
        return nextStep;
    }
}

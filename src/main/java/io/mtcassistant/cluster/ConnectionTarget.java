package io.mtcassistant.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;

/**
 * A fabric8 configuration ready to use for one context, with what the failure messages need to know about it.
 */
record ConnectionTarget(ContextEntry context, Config config, String url, String userName, CredentialKind credential,
        HttpClient.Factory httpClientFactory) {
}

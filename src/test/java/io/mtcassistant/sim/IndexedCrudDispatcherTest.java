package io.mtcassistant.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The remembered lookups of the store never find an object that was deleted, replaced or relabelled. */
class IndexedCrudDispatcherTest {

    private static final String COLLECTION = "/api/v1/namespaces/apps/configmaps";
    /** What fabric8's mock answers to a patch it applied. */
    private static final int ACCEPTED = 202;
    private static final String OBJECT = COLLECTION + "/settings";

    private final IndexedCrudDispatcher store = new IndexedCrudDispatcher();

    @Test
    void writesFindTheCurrentObjectAfterRelabelDeleteAndRecreate() {
        assertThat(create("{\"first\": \"1\"}").code()).isEqualTo(201);
        assertThat(patch("[{\"op\": \"add\", \"path\": \"/data/second\", \"value\": \"2\"}]").code())
                .isEqualTo(ACCEPTED);
        // a label is part of the store's key: the remembered key is gone
        assertThat(patch("[{\"op\": \"add\", \"path\": \"/metadata/labels\", \"value\": {\"tier\": \"web\"}}]").code())
                .isEqualTo(ACCEPTED);
        assertThat(patch("[{\"op\": \"add\", \"path\": \"/data/third\", \"value\": \"3\"}]").code())
                .isEqualTo(ACCEPTED);
        assertThat(store.handleGet(OBJECT).getBody().readUtf8()).contains("\"second\":\"2\"", "\"third\":\"3\"",
                "\"tier\":\"web\"");

        assertThat(store.handleDelete(OBJECT).code()).isLessThan(300);
        assertThat(patch("[{\"op\": \"add\", \"path\": \"/data/late\", \"value\": \"x\"}]").code()).isEqualTo(404);

        assertThat(create("{\"fresh\": \"yes\"}").code()).isEqualTo(201);
        assertThat(patch("[{\"op\": \"add\", \"path\": \"/data/again\", \"value\": \"4\"}]").code())
                .isEqualTo(ACCEPTED);
        assertThat(store.handleGet(OBJECT).getBody().readUtf8()).contains("\"fresh\":\"yes\"", "\"again\":\"4\"")
                .doesNotContain("third", "tier");
    }

    private MockResponse create(String data) {
        String body = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"settings\","
                + " \"namespace\": \"apps\"}, \"data\": " + data + "}";
        return store.handleCreate(request(HttpMethod.POST, COLLECTION, "application/json", body));
    }

    private MockResponse patch(String jsonPatch) {
        return store.handlePatch(request(HttpMethod.PATCH, OBJECT, "application/json-patch+json", jsonPatch));
    }

    private static RecordedRequest request(HttpMethod method, String path, String type, String body) {
        return new RecordedRequest("HTTP/1.1", method, path, Headers.builder().add("Content-Type", type).build(),
                new Buffer(body.getBytes(StandardCharsets.UTF_8)));
    }
}

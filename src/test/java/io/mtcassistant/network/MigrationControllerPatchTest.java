package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.install.plan.KubeObjects;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationControllerPatchTest {

    private static final String STUNNEL = "http://dvm:Tr4nsfer!@10.0.0.5:3128";

    private static Map<String, Object> liveSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("cluster_name", "host");
        spec.put("migration_velero", true);
        spec.put("httpsProxy", "http://old:3128");
        spec.put("mig_pv_limit", "100");
        return spec;
    }

    private static Map<String, Object> spec(io.fabric8.kubernetes.api.model.GenericKubernetesResource patch) {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) KubeObjects.asMap(patch).get("spec");
        return spec;
    }

    @Test
    void setsSnakeCaseRemovesTheCamelCaseTwinAndKeepsTheRest() {
        ControllerSettings settings = new ControllerSettings(null, "http://proxy.corp:3128", ".corp,10.0.0.0/16", null,
                "NodePort", " 1000,2000", null);
        var patch = MigrationControllerPatch.build("migration-controller", liveSpec(), settings, SecretHandling.INCLUDE);
        Map<String, Object> spec = spec(patch);
        assertThat(spec).containsEntry("https_proxy", "http://proxy.corp:3128").containsEntry("httpsProxy", null)
                .containsEntry("no_proxy", ".corp,10.0.0.0/16").containsEntry("rsync_endpoint_type", "NodePort")
                .containsEntry("src_supplemental_groups", "1000,2000").doesNotContainKeys("cluster_name", "http_proxy",
                        "noProxy");
        Map<String, Object> merged = KubeObjects.merge(liveSpec(), spec);
        assertThat(merged).containsEntry("cluster_name", "host").containsEntry("migration_velero", true)
                .containsEntry("mig_pv_limit", "100").doesNotContainKey("httpsProxy")
                .containsEntry("https_proxy", "http://proxy.corp:3128");
        assertThat(KubeObjects.json(spec)).contains("\"httpsProxy\":null");
    }

    @Test
    void aBlankValueRemovesTheKey() {
        Map<String, Object> live = liveSpec();
        live.put("no_proxy", ".old");
        var patch = MigrationControllerPatch.build("migration-controller", live,
                new ControllerSettings(null, null, "", null, null, null, null), SecretHandling.INCLUDE);
        assertThat(KubeObjects.merge(live, spec(patch))).doesNotContainKey("no_proxy").containsKey("httpsProxy");
    }

    @Test
    void theStunnelPasswordIsAPlaceholderUnlessIncluded() {
        ControllerSettings settings = new ControllerSettings(null, null, null, STUNNEL, null, null, null);
        var exported = MigrationControllerPatch.build("mc", null, settings, SecretHandling.PLACEHOLDER);
        assertThat(spec(exported)).containsEntry("stunnel_tcp_proxy", "http://dvm:PASSWORD-NOT-EXPORTED@10.0.0.5:3128");
        var applied = MigrationControllerPatch.build("mc", null, settings, SecretHandling.INCLUDE);
        assertThat(spec(applied)).containsEntry("stunnel_tcp_proxy", "http://dvm:Tr4nsfer%21@10.0.0.5:3128");
        assertThat(settings.summary()).contains("stunnel_tcp_proxy=http://dvm:****@10.0.0.5:3128").doesNotContain("Tr4nsfer");
    }

    @Test
    void invalidSettingsAreRefusedNamingTheField() {
        ControllerSettings bad = new ControllerSettings(null, null, null, null, null, null, "1000,x");
        assertThat(bad.check()).extracting(FieldProblem::field).containsExactly("target_supplemental_groups");
        assertThatThrownBy(() -> MigrationControllerPatch.build("mc", null, bad, SecretHandling.INCLUDE))
                .hasMessageStartingWith("target_supplemental_groups: ");
    }

    @Test
    void effectiveValueReadsEitherSpelling() {
        assertThat(MigrationControllerPatch.effective(liveSpec(), "https_proxy")).isEqualTo("http://old:3128");
        assertThat(MigrationControllerPatch.effective(liveSpec(), "http_proxy")).isNull();
    }
}

package io.mtcassistant.mirror.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.plan.DestinationNamer;
import io.mtcassistant.mirror.plan.MirrorItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output files, line by line, in the forms oc adm catalog mirror and oc-mirror write (reference/mirroring.md). */
class ClusterResourcesTest {

    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);

    private static List<MirrorItem> items() {
        DestinationNamer namer = DestinationNamer.parse("docker://reg.example.com:8443");
        return List.of(
                item(namer, "registry.redhat.io/rhmtc/openshift-migration-controller-rhel8@" + D1),
                item(namer, "registry.redhat.io/rhmtc/openshift-migration-controller-rhel8@" + D2),
                item(namer, "registry.redhat.io/oadp/oadp-velero-rhel9@" + D2),
                item(namer, "registry.redhat.io/ubi9/ubi:latest"));
    }

    private static MirrorItem item(DestinationNamer namer, String src) {
        ImageReference ref = ImageReference.parseRegistry(src);
        return new MirrorItem(src, ref, namer.destinationFor(ref, src));
    }

    @Test
    void mappingHasOneSourceEqualsTaggedDestinationLinePerImage() {
        String c1 = "registry.redhat.io/rhmtc/openshift-migration-controller-rhel8@" + D1;
        assertThat(ClusterResources.mapping(items()).split("\n")).containsExactly(
                c1 + "=reg.example.com:8443/rhmtc/openshift-migration-controller-rhel8:" + DestinationNamer.fnv32a(c1),
                "registry.redhat.io/rhmtc/openshift-migration-controller-rhel8@" + D2
                        + "=reg.example.com:8443/rhmtc/openshift-migration-controller-rhel8:"
                        + DestinationNamer.fnv32a("registry.redhat.io/rhmtc/openshift-migration-controller-rhel8@" + D2),
                "registry.redhat.io/oadp/oadp-velero-rhel9@" + D2 + "=reg.example.com:8443/oadp/oadp-velero-rhel9:"
                        + DestinationNamer.fnv32a("registry.redhat.io/oadp/oadp-velero-rhel9@" + D2),
                "registry.redhat.io/ubi9/ubi:latest=reg.example.com:8443/ubi9/ubi:latest");
    }

    @Test
    void icspGroupsByRepository() {
        assertThat(ClusterResources.imageContentSourcePolicy(items())).isEqualTo("""
                apiVersion: operator.openshift.io/v1alpha1
                kind: ImageContentSourcePolicy
                metadata:
                  name: generic-0
                spec:
                  repositoryDigestMirrors:
                  - mirrors:
                    - reg.example.com:8443/rhmtc/openshift-migration-controller-rhel8
                    source: registry.redhat.io/rhmtc/openshift-migration-controller-rhel8
                  - mirrors:
                    - reg.example.com:8443/oadp/oadp-velero-rhel9
                    source: registry.redhat.io/oadp/oadp-velero-rhel9
                  - mirrors:
                    - reg.example.com:8443/ubi9/ubi
                    source: registry.redhat.io/ubi9/ubi
                """);
    }

    @Test
    void idmsGroupsByRepository() {
        assertThat(ClusterResources.imageDigestMirrorSet(items())).isEqualTo("""
                apiVersion: config.openshift.io/v1
                kind: ImageDigestMirrorSet
                metadata:
                  name: idms-generic-0
                spec:
                  imageDigestMirrors:
                  - mirrors:
                    - reg.example.com:8443/rhmtc/openshift-migration-controller-rhel8
                    source: registry.redhat.io/rhmtc/openshift-migration-controller-rhel8
                  - mirrors:
                    - reg.example.com:8443/oadp/oadp-velero-rhel9
                    source: registry.redhat.io/oadp/oadp-velero-rhel9
                  - mirrors:
                    - reg.example.com:8443/ubi9/ubi
                    source: registry.redhat.io/ubi9/ubi
                """);
    }

    @Test
    void itmsListsOnlyRepositoriesReferencedByTag() {
        assertThat(ClusterResources.imageTagMirrorSet(items())).isEqualTo("""
                apiVersion: config.openshift.io/v1
                kind: ImageTagMirrorSet
                metadata:
                  name: itms-generic-0
                spec:
                  imageTagMirrors:
                  - mirrors:
                    - reg.example.com:8443/ubi9/ubi
                    source: registry.redhat.io/ubi9/ubi
                """);
        assertThat(ClusterResources.imageTagMirrorSet(items().subList(0, 3))).isEmpty();
    }
}

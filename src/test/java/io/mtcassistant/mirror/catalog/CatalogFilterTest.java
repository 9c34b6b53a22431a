package io.mtcassistant.mirror.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.mirror.MirrorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and filtering the FBC of the synthetic index (read from its OCI layout, no registry). */
class CatalogFilterTest {

    @TempDir
    Path tmp;

    private static List<String> names(List<FilteredCatalog.KeptBundle> bundles) {
        return bundles.stream().map(b -> b.bundle().name()).toList();
    }

    @Test
    void readsEveryPackageFromTheConfigsLayer() {
        DemoFixture demo = new DemoFixture(tmp, "registry.example.com");
        FileBasedCatalog all = demo.all();
        assertThat(all.packageNames()).containsExactly("demo-other-operator", "mtc-operator", "redhat-oadp-operator");
        assertThat(all.channels("mtc-operator")).extracting(FbcChannel::name).containsExactly("release-v1.7", "release-v1.8");
        assertThat(all.bundles("mtc-operator")).hasSize(5);
        FbcBundle b = all.bundle("mtc-operator", "mtc-operator.v1.8.8").orElseThrow();
        assertThat(b.version()).contains(new SemVer(1, 8, 8, null));
        assertThat(b.requiredPackages()).containsExactly(new FbcBundle.PackageRequirement("redhat-oadp-operator", ">=1.2.0 <1.3.0"));
        assertThat(b.relatedImages()).hasSize(7);
        // The stale serve cache of another layer is not part of /configs.
        assertThat(Files.exists(demo.configs.resolve("cache.json"))).isFalse();
    }

    @Test
    void keepsOnlyTheChosenChannelAndTheOadpChannelItsBundlesRequire() {
        DemoFixture demo = new DemoFixture(tmp, "registry.example.com");
        FilteredCatalog f = demo.filter().filter(List.of(PackageSelection.channel("mtc-operator", "release-v1.8")));

        FileBasedCatalog c = f.catalog();
        assertThat(c.packageNames()).containsExactly("mtc-operator", "redhat-oadp-operator");
        assertThat(c.channels("mtc-operator")).extracting(FbcChannel::name).containsExactly("release-v1.8");
        assertThat(c.channel("mtc-operator", "release-v1.8").orElseThrow().entryNames())
                .containsExactly("mtc-operator.v1.8.6", "mtc-operator.v1.8.7", "mtc-operator.v1.8.8");
        assertThat(c.channels("redhat-oadp-operator")).extracting(FbcChannel::name).containsExactly("stable-1.2");
        assertThat(c.channel("redhat-oadp-operator", "stable-1.2").orElseThrow().entryNames())
                .containsExactly("redhat-oadp-operator.v1.2.5");
        assertThat(names(f.bundles())).containsExactly("mtc-operator.v1.8.6", "mtc-operator.v1.8.7", "mtc-operator.v1.8.8",
                "redhat-oadp-operator.v1.2.5");
        assertThat(f.dependencies()).extracting(FilteredCatalog.Dependency::packageName, FilteredCatalog.Dependency::channels)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("redhat-oadp-operator", List.of("stable-1.2")));
        assertThat(c.defaultChannel("mtc-operator")).contains("release-v1.8");
        // The kept OADP bundle's replaces edge pointed at a dropped bundle: removed, so OLM sees a valid channel.
        JsonNode entry = c.channel("redhat-oadp-operator", "stable-1.2").orElseThrow().raw().path("entries").get(0);
        assertThat(entry.has("replaces")).isFalse();
    }

    @Test
    void release17TakesOadp10AndBecomesTheDefaultChannel() {
        DemoFixture demo = new DemoFixture(tmp, "registry.example.com");
        FilteredCatalog f = demo.filter().filter(List.of(PackageSelection.channel("mtc-operator", "release-v1.7")));
        assertThat(f.catalog().defaultChannel("mtc-operator")).contains("release-v1.7");
        assertThat(f.catalog().channels("redhat-oadp-operator")).extracting(FbcChannel::name).containsExactly("stable-1.0");
        assertThat(names(f.bundles())).containsExactly("mtc-operator.v1.7.17", "mtc-operator.v1.7.18", "redhat-oadp-operator.v1.0.15");
        assertThat(f.catalog().defaultChannel("redhat-oadp-operator")).contains("stable-1.0");
    }

    @Test
    void minVersionKeepsTheNewerBundlesAndCutsTheReplacesChain() {
        DemoFixture demo = new DemoFixture(tmp, "registry.example.com");
        FilteredCatalog f = demo.filter().filter(List.of(PackageSelection.channelFrom("mtc-operator", "release-v1.8", "1.8.7")));
        FbcChannel ch = f.catalog().channel("mtc-operator", "release-v1.8").orElseThrow();
        assertThat(ch.entryNames()).containsExactly("mtc-operator.v1.8.7", "mtc-operator.v1.8.8");
        assertThat(ch.raw().path("entries").get(0).has("replaces")).isFalse();
        assertThat(ch.raw().path("entries").get(1).path("replaces").asText()).isEqualTo("mtc-operator.v1.8.7");
    }

    @Test
    void packageWithoutChannelsKeepsTheHeadOfEachChannel() {
        DemoFixture demo = new DemoFixture(tmp, "registry.example.com");
        FilteredCatalog f = demo.filter().filter(List.of(new PackageSelection("mtc-operator", List.of(), null)));
        assertThat(names(f.bundles())).containsExactly("mtc-operator.v1.7.18", "mtc-operator.v1.8.8", "redhat-oadp-operator.v1.0.15",
                "redhat-oadp-operator.v1.2.5");
    }

    @Test
    void explicitlyListedDependencyIsTakenAsGiven() {
        DemoFixture demo = new DemoFixture(tmp, "registry.example.com");
        FilteredCatalog f = demo.filter().filter(List.of(PackageSelection.channel("mtc-operator", "release-v1.8"),
                PackageSelection.channel("redhat-oadp-operator", "stable-1.2")));
        assertThat(names(f.bundles())).contains("redhat-oadp-operator.v1.2.4", "redhat-oadp-operator.v1.2.5");
        assertThat(f.dependencies()).isEmpty();
    }

    @Test
    void missingPackageChannelOrVersionAreClearErrors() {
        DemoFixture demo = new DemoFixture(tmp, "registry.example.com");
        assertThatThrownBy(() -> demo.filter().filter(List.of(PackageSelection.channel("mtc-operatorx", "release-v1.8"))))
                .isInstanceOf(MirrorException.class).matches(e -> ((MirrorException) e).isBadInput())
                .hasMessage("catalog registry.example.com/redhat/redhat-operator-index:v4.12 has no package mtc-operatorx"
                        + " (it has: demo-other-operator, mtc-operator, redhat-oadp-operator)");
        assertThatThrownBy(() -> demo.filter().filter(List.of(PackageSelection.channel("mtc-operator", "release-v1.9"))))
                .hasMessageEndingWith("package mtc-operator has no channel release-v1.9 (channels: release-v1.7, release-v1.8)");
        assertThatThrownBy(() -> demo.filter().filter(List.of(PackageSelection.channelFrom("mtc-operator", "release-v1.8", "1.9.0"))))
                .hasMessageEndingWith("channel release-v1.8 of package mtc-operator has no bundle at version 1.9.0 or later");
    }

    @Test
    void malformedCatalogFilesAreNamed() throws Exception {
        Path configs = Files.createDirectories(tmp.resolve("configs/mtc-operator"));
        Files.writeString(configs.resolve("catalog.json"), "{\"schema\":\"olm.package\",\"name\":\"mtc-operator\"}\n{\"schema\": ");
        assertThatThrownBy(() -> FbcReader.read(tmp.resolve("configs"), "idx"))
                .hasMessageStartingWith("catalog idx: configs/mtc-operator/catalog.json is not valid JSON");
        Files.writeString(configs.resolve("catalog.json"), "{\"schema\":\"olm.bundle\",\"package\":\"mtc-operator\",\"name\":\"b\"}");
        assertThatThrownBy(() -> FbcReader.read(tmp.resolve("configs"), "idx"))
                .hasMessage("catalog idx: configs/mtc-operator/catalog.json blob 1 (olm.bundle) has no image");
        Files.writeString(configs.resolve("catalog.json"), "---\nschema: olm.package\nname: mtc-operator\n");
        Files.move(configs.resolve("catalog.json"), configs.resolve("catalog.yaml"));
        assertThat(FbcReader.read(tmp.resolve("configs"), "idx").packageNames()).containsExactly("mtc-operator");
    }

    @Test
    void bundleRequiringAnAbsentPackageIsAnError() throws Exception {
        Path configs = Files.createDirectories(tmp.resolve("configs"));
        Files.writeString(configs.resolve("c.json"), """
                {"schema":"olm.package","name":"mtc-operator","defaultChannel":"c"}
                {"schema":"olm.channel","package":"mtc-operator","name":"c","entries":[{"name":"b1"}]}
                {"schema":"olm.bundle","package":"mtc-operator","name":"b1","image":"q.io/a/b@sha256:%s",
                 "properties":[{"type":"olm.package","value":{"packageName":"mtc-operator","version":"1.8.0"}},
                 {"type":"olm.package.required","value":{"packageName":"redhat-oadp-operator","versionRange":">=1.2.0 <1.3.0"}}]}
                """.formatted("a".repeat(64)));
        FileBasedCatalog whole = FbcReader.read(configs, "idx");
        assertThatThrownBy(() -> CatalogFilter.of(whole, "idx").filter(List.of(PackageSelection.channel("mtc-operator", "c"))))
                .hasMessage("catalog idx: bundle b1 requires package redhat-oadp-operator, which the catalog does not have");
    }

    @Test
    void versionRanges() {
        VersionRange r = VersionRange.parse(">=1.2.3 <1.6.0");
        assertThat(r.contains(SemVer.parse("1.2.3").orElseThrow())).isTrue();
        assertThat(r.contains(SemVer.parse("1.5.9").orElseThrow())).isTrue();
        assertThat(r.contains(SemVer.parse("1.6.0").orElseThrow())).isFalse();
        assertThat(r.contains(SemVer.parse("1.2.2").orElseThrow())).isFalse();
        VersionRange or = VersionRange.parse("<1.0.0 || >= 2.0.0");
        assertThat(or.contains(SemVer.parse("2.1.0").orElseThrow())).isTrue();
        assertThat(or.contains(SemVer.parse("1.1.0").orElseThrow())).isFalse();
        assertThat(SemVer.parse("1.8.0-rc.1").orElseThrow()).isLessThan(SemVer.parse("1.8.0").orElseThrow());
        assertThatThrownBy(() -> VersionRange.parse(">=x")).hasMessageContaining("invalid version 'x'");
    }
}

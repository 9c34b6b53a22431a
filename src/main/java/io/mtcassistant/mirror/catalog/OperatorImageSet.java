package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.plan.ImageSetConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators part of oc-mirror's ImageSetConfiguration ({@code mirror.operators[].catalog},
 * {@code packages[].name}, {@code channels[].name}, {@code minVersion} per channel or package),
 * turned into a {@link CatalogRequest} together with the set's additionalImages and blockedImages.
 * A listed legacy operator image is recognised as such.
 */
public final class OperatorImageSet {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OperatorImageSet() {
    }

    /** yaml: the image set text (already accepted by {@link ImageSetConfig#parse}); config: its parsed form. */
    public static CatalogRequest request(String yaml, String where, ImageSetConfig config) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw MirrorException.badInput("image set " + where + " is not valid YAML");
        }
        JsonNode operators = root.path("mirror").path("operators");
        if (!operators.isArray() || operators.isEmpty()) {
            throw MirrorException.badInput("image set " + where + ": mirror.operators must be a list of {catalog, packages}");
        }
        if (operators.size() > 1) {
            throw MirrorException.badInput("image set " + where + ": mirror.operators lists " + operators.size()
                    + " catalogs; list one catalog (the one holding mtc-operator)");
        }
        JsonNode op = operators.get(0);
        String at = "image set " + where + ": mirror.operators[0]";
        String catalog = op.path("catalog").asText("").trim();
        if (catalog.isEmpty()) {
            throw MirrorException.badInput(at + " has no catalog");
        }
        if (op.path("full").asBoolean(false)) {
            throw MirrorException.badInput(at + ": full: true (the whole catalog) is not supported; list the packages");
        }
        for (String unsupported : List.of("targetCatalog", "targetTag")) {
            if (op.has(unsupported)) {
                throw MirrorException.badInput(at + ": " + unsupported + " is not supported; the catalog keeps its repository and tag");
            }
        }
        List<PackageSelection> packages = new ArrayList<>();
        JsonNode list = op.path("packages");
        if (!list.isArray() || list.isEmpty()) {
            throw MirrorException.badInput(at + " lists no packages (for example - name: mtc-operator)");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String name = p.path("name").asText("").trim();
            if (name.isEmpty()) {
                throw MirrorException.badInput(at + ".packages[" + i + "] has no name");
            }
            List<PackageSelection.ChannelSelection> channels = new ArrayList<>();
            JsonNode chs = p.path("channels");
            if (!chs.isMissingNode() && !chs.isNull() && !chs.isArray()) {
                throw MirrorException.badInput(at + ".packages[" + i + "].channels must be a list of {name, minVersion}");
            }
            for (int j = 0; j < chs.size(); j++) {
                String ch = chs.get(j).path("name").asText("").trim();
                if (ch.isEmpty()) {
                    throw MirrorException.badInput(at + ".packages[" + i + "].channels[" + j + "] has no name");
                }
                if (chs.get(j).has("maxVersion")) {
                    throw MirrorException.badInput(at + ".packages[" + i + "].channels[" + j + "]: maxVersion is not supported");
                }
                channels.add(new PackageSelection.ChannelSelection(ch, text(chs.get(j), "minVersion")));
            }
            String min = text(p, "minVersion");
            if (min != null && !channels.isEmpty() && channels.stream().anyMatch(c -> c.minVersion() != null)) {
                throw MirrorException.badInput(at + ".packages[" + i + "]: give minVersion for the package or per channel, not both");
            }
            packages.add(new PackageSelection(name, channels, min));
        }
        List<String> additional = new ArrayList<>();
        String legacy = null;
        for (ImageSetConfig.AdditionalImage image : config.additionalImages()) {
            if (image.reference().repository().endsWith("openshift-migration-legacy-rhel8-operator") && legacy == null) {
                legacy = image.name();
            } else {
                additional.add(image.name());
            }
        }
        return new CatalogRequest(catalog, packages, legacy, additional, config.blockedImages());
    }

    private static String text(JsonNode node, String field) {
        String v = node.path(field).asText("").trim();
        return v.isEmpty() ? null : v;
    }
}

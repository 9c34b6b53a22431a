package io.mtcassistant.cluster;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedExtension;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.mtcassistant.common.SecretMasker;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads kubeconfig files and merges them the way kubectl does: contexts, clusters and users are merged by
 * name and the first file that defines a name wins; current-context comes from the first file that sets one.
 * The structure is checked with SnakeYAML first so that problems can name the line; the typed model comes from
 * fabric8, which records each entry's file so relative certificate paths resolve against the right folder.
 */
public class KubeconfigFiles implements KubeconfigLoader {

    @Override
    public KubeconfigSet load(List<Path> files) throws KubeconfigException {
        List<Path> ordered = distinct(files);
        List<Config> parsed = parse(ordered);
        Map<String, ContextEntry> contexts = new LinkedHashMap<>();
        Map<String, String> servers = new LinkedHashMap<>();
        String current = null;
        for (Config config : parsed) {
            if (config.getClusters() != null) {
                for (NamedCluster cluster : config.getClusters()) {
                    servers.putIfAbsent(cluster.getName(),
                            cluster.getCluster() == null ? null : cluster.getCluster().getServer());
                }
            }
            if (current == null && config.getCurrentContext() != null && !config.getCurrentContext().isBlank()) {
                current = config.getCurrentContext();
            }
        }
        for (int i = 0; i < parsed.size(); i++) {
            Config config = parsed.get(i);
            if (config.getContexts() == null) {
                continue;
            }
            for (NamedContext named : config.getContexts()) {
                if (contexts.containsKey(named.getName())) {
                    continue;
                }
                var context = named.getContext();
                String clusterName = context == null ? null : context.getCluster();
                String user = context == null ? null : blankToNull(context.getUser());
                String namespace = context == null ? null : blankToNull(context.getNamespace());
                contexts.put(named.getName(), new ContextEntry(named.getName(), ordered.get(i), clusterName,
                        clusterName == null ? null : servers.get(clusterName), user, namespace));
            }
        }
        return new MergedKubeconfig(ordered, new ArrayList<>(contexts.values()), current);
    }

    /**
     * Parses the files again into fabric8's model, for configuring a connection. Each call returns fresh
     * objects, so callers may change them.
     */
    List<Config> parse(List<Path> files) throws KubeconfigException {
        if (files.isEmpty()) {
            throw new KubeconfigException(null, null, "no kubeconfig file was given");
        }
        List<Config> parsed = new ArrayList<>();
        for (Path file : files) {
            checkReadable(file);
            boolean empty = checkStructure(file);
            // an empty file is an empty kubeconfig, as for kubectl
            parsed.add(empty ? new Config() : parseModel(file));
        }
        return parsed;
    }

    private static List<Path> distinct(List<Path> files) {
        Set<Path> seen = new LinkedHashSet<>();
        for (Path file : files) {
            seen.add(file.toAbsolutePath().normalize());
        }
        return List.copyOf(seen);
    }

    private static void checkReadable(Path file) throws KubeconfigException {
        if (!Files.exists(file)) {
            throw new KubeconfigException(file, null, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new KubeconfigException(file, null, "is a folder, not a kubeconfig file");
        }
        if (!Files.isReadable(file)) {
            throw new KubeconfigException(file, null, "cannot be read (permission denied)");
        }
    }

    /** @return true when the file holds no YAML document at all */
    private static boolean checkStructure(Path file) throws KubeconfigException {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new KubeconfigException(file, mark == null ? null : mark.getLine() + 1,
                    "malformed YAML: " + firstLine(e.getProblem()), e);
        } catch (YAMLException e) {
            throw new KubeconfigException(file, null, "malformed YAML: " + firstLine(e.getMessage()), e);
        } catch (AccessDeniedException e) {
            throw new KubeconfigException(file, null, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new KubeconfigException(file, null, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null) {
            return true;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new KubeconfigException(file, line(root), "not a kubeconfig: the top level is not a mapping");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if ("clusters".equals(key) || "contexts".equals(key) || "users".equals(key)) {
                checkNamedList(file, key, tuple.getValueNode());
            }
        }
        return false;
    }

    private static void checkNamedList(Path file, String key, Node value) throws KubeconfigException {
        if (value instanceof ScalarNode scalar && (scalar.getValue().isEmpty() || "null".equals(scalar.getValue()))) {
            return;
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw new KubeconfigException(file, line(value), "'" + key + "' must be a list");
        }
        String entry = key.substring(0, key.length() - 1);
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode itemMapping)) {
                throw new KubeconfigException(file, line(item), "each " + entry + " entry must be a mapping");
            }
            boolean named = itemMapping.getValue().stream()
                    .anyMatch(t -> "name".equals(scalar(t.getKeyNode())) && !scalar(t.getValueNode()).isBlank());
            if (!named) {
                throw new KubeconfigException(file, line(item), "a " + entry + " entry has no name");
            }
        }
    }

    private static Config parseModel(Path file) throws KubeconfigException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Config config = KubeconfigYaml.MAPPER.readValue(reader, Config.class);
            if (config == null) {
                return new Config();
            }
            recordSourceFile(config, file);
            return config;
        } catch (IOException | RuntimeException e) {
            Integer line = null;
            String problem = e.getMessage();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                    if (json.getLocation() != null && json.getLocation().getLineNr() > 0) {
                        line = json.getLocation().getLineNr();
                    }
                    problem = json.getOriginalMessage();
                }
            }
            String shown = withoutInputValues(firstLine(problem));
            throw new KubeconfigException(file, line, "not a valid kubeconfig: " + shown, e);
        }
    }

    /**
     * The entries keep the file they came from, under the keys fabric8's KubeConfigUtils.parseConfig uses, so that
     * KubeConfigUtils.merge resolves relative certificate and token paths against that file's folder.
     */
    private static void recordSourceFile(Config config, Path file) {
        File source = file.toFile();
        if (config.getContexts() != null) {
            config.getContexts().forEach(c -> c.getAdditionalProperties().put("KUBERNETES_CONFIG_CONTEXT_FILE_KEY", source));
        }
        if (config.getClusters() != null) {
            config.getClusters().forEach(c -> c.getAdditionalProperties().put("KUBERNETES_CONFIG_CLUSTER_FILE_KEY", source));
        }
        if (config.getUsers() != null) {
            config.getUsers().forEach(u -> u.getAdditionalProperties().put("KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY", source));
        }
    }

    /**
     * fabric8's own parser deserialises a kubeconfig's "extension" values with its KubernetesDeserializer, whose first
     * use loads every model class of every fabric8 model jar (about 3,000 classes, over a second of a cold command);
     * this mapper reads them as plain YAML values instead. Built on first use, not when the class loads.
     */
    private static final class KubeconfigYaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .addMixIn(NamedExtension.class, PlainExtensionValue.class);
    }

    private abstract static class PlainExtensionValue {
        @JsonDeserialize(using = JsonDeserializer.None.class)
        Object extension;

        @JsonDeserialize(using = JsonDeserializer.None.class)
        abstract void setExtension(Object extension);
    }

    /** Jackson quotes the offending value, which in a kubeconfig may be a token or a key. */
    private static String withoutInputValues(String problem) {
        return SecretMasker.mask(problem.replaceAll("(from String(?: value)?) (\\('[^']*'\\)|\"[^\"]*\")",
                "$1 (value not shown)"));
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private static Integer line(Node node) {
        return node.getStartMark() == null ? null : node.getStartMark().getLine() + 1;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown problem";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

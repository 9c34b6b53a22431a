package io.mtcassistant.mirror.outputs;

import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.plan.MirrorItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes the results folder; each file appears whole or not at all (temp file, then rename). */
public final class ResultsWriter {

    public static final String MAPPING = "mapping.txt";
    public static final String ICSP = "imageContentSourcePolicy.yaml";
    public static final String IDMS = "imageDigestMirrorSet.yaml";
    public static final String ITMS = "imageTagMirrorSet.yaml";
    public static final String SUMMARY = "summary.json";

    private final Path dir;

    public ResultsWriter(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** mapping.txt, ICSP, IDMS and (when any image is pulled by tag) ITMS for the images that were mirrored. */
    public void writeClusterResources(List<MirrorItem> mirrored) {
        if (mirrored.isEmpty()) {
            return;
        }
        write(MAPPING, ClusterResources.mapping(mirrored));
        write(ICSP, ClusterResources.imageContentSourcePolicy(mirrored));
        write(IDMS, ClusterResources.imageDigestMirrorSet(mirrored));
        String itms = ClusterResources.imageTagMirrorSet(mirrored);
        if (!itms.isEmpty()) {
            write(ITMS, itms);
        }
    }

    public void writeSummary(String json) {
        write(SUMMARY, json);
    }

    private void write(String name, String content) {
        try {
            OciLayout.writeAtomically(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw OciLayout.fileError(e, "writing " + dir.resolve(name));
        }
    }

    public static Path defaultDir(Path base) {
        return base.resolve("results-" + (System.currentTimeMillis() / 1000));
    }
}

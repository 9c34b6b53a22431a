package io.mtcassistant.monitor;

/**
 * One parsed line of a pipeline step's progress[] (Velero backup/restore, PodVolume*, DVM pods and summary,
 * image streams, annotation counters).
 *
 * @param line the line as the controller wrote it
 * @param resource the text before the first ": " (for example "Backup ns/name", "[pvc-a] ns/pod"), or null
 * @param pvc the claim of a DVM pod line ("[pvc-a] ..."), or null
 * @param message the text after the resource
 * @param percent 0..100 when the line has a count ("X out of Y") or a percentage, else null
 * @param transferRate the rsync rate of a DVM line ("30MB/s"), or null
 * @param duration the trailing duration as written ("2m3s"), or null
 * @param failed the line reports a failure (including a partial one)
 * @param partiallyFailed a Velero "partially failed" line
 * @param completed the line reports completion
 */
public record ProgressLine(String line, String resource, String pvc, String message, Double percent,
        String transferRate, String duration, boolean failed, boolean partiallyFailed, boolean completed) {
}

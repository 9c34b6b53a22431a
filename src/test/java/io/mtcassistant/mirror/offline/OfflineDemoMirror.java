package io.mtcassistant.mirror.offline;

import io.mtcassistant.mirror.session.MirrorMode;
import io.mtcassistant.mirror.session.MirrorSetup;
import io.mtcassistant.mirror.session.MirroringSession;
import io.mtcassistant.mirror.session.ProgressTracker;
import java.nio.file.Path;

/**
 * The demo's Mirroring step without its window, for {@link OfflineProofIntegrationTest}: the
 * synthetic catalog to an archive, then the archive into the registry at args[1].
 * Exit 0 when both runs succeed.
 */
public final class OfflineDemoMirror {

    private OfflineDemoMirror() {
    }

    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        try (MirroringSession session = new MirroringSession(work.resolve("cache"), true, new ProgressTracker())) {
            MirrorSetup toArchive = new MirrorSetup(MirrorMode.MIRROR_TO_ARCHIVE, MirroringSession.demoIndexImage(), "release-v1.7", true,
                    "", "", "", null, false, work.resolve("archive"), work.resolve("results-archive"));
            MirroringSession.Outcome first = session.run(session.plan(toArchive));
            MirrorSetup toRegistry = new MirrorSetup(MirrorMode.ARCHIVE_TO_MIRROR, "", "", false, args[1], "", "", null, true,
                    work.resolve("archive"), work.resolve("results-registry"));
            MirroringSession.Outcome second = session.run(session.plan(toRegistry));
            System.out.println("demo to archive: " + first.ok() + ", archive to " + args[1] + ": " + second.ok());
            System.exit(first.ok() && second.ok() ? 0 : 1);
        }
    }
}

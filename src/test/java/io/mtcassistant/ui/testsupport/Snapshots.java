package io.mtcassistant.ui.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what a scene shows to a PNG (no javafx-swing needed). Call on the FX thread. */
public final class Snapshots {

    /** Where every UI test writes its snapshots (the README's test section names it). */
    public static final Path FOLDER = Path.of("target", "snapshots");

    private Snapshots() {
    }

    public static Path write(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, argb, 0, width);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Takes the snapshot on the FX thread through the robot. */
    public static Path writeOnFx(org.testfx.api.FxRobot robot, Scene scene, Path file) {
        robot.interact(() -> write(scene, file));
        return file;
    }
}

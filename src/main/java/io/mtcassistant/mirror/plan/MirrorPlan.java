package io.mtcassistant.mirror.plan;

import io.mtcassistant.mirror.MirrorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The image set resolved against a destination: which image goes where, each once. */
public record MirrorPlan(List<MirrorItem> items, DestinationNamer namer) {

    public static MirrorPlan of(ImageSetConfig config, DestinationNamer namer) {
        if (!config.operators().isEmpty()) {
            // Catalogs need filtering and a rebuilt index image: CatalogMirror does that, not this plain plan.
            throw MirrorException.badInput("the image set lists operator catalogs (mirror.operators): mirror it with"
                    + " the catalog mirror (mtc-assistant mirror --image-set), not as plain images");
        }
        Map<String, MirrorItem> unique = new LinkedHashMap<>();
        for (ImageSetConfig.AdditionalImage image : config.imagesToMirror()) {
            MirrorItem item = new MirrorItem(image.name(), image.reference(), namer.destinationFor(image.reference(), image.name()));
            unique.putIfAbsent(item.source().plain(), item);
        }
        return new MirrorPlan(List.copyOf(new ArrayList<>(unique.values())), namer);
    }
}

package io.mtcassistant.mirror.catalog;

import java.util.List;

/**
 * What to keep of one package, as in oc-mirror's ImageSetConfiguration {@code packages[]}: the
 * listed channels (all bundles, or from minVersion on), or with no channels the head of every
 * channel (from the package's minVersion on, when given).
 */
public record PackageSelection(String name, List<ChannelSelection> channels, String minVersion) {

    public record ChannelSelection(String name, String minVersion) {
    }

    public PackageSelection {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** One channel, every bundle in it. */
    public static PackageSelection channel(String packageName, String channel) {
        return new PackageSelection(packageName, List.of(new ChannelSelection(channel, null)), null);
    }

    /** One channel, bundles from minVersion on. */
    public static PackageSelection channelFrom(String packageName, String channel, String minVersion) {
        return new PackageSelection(packageName, List.of(new ChannelSelection(channel, minVersion)), null);
    }
}

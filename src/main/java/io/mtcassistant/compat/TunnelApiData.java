package io.mtcassistant.compat;

import java.util.List;

/**
 * What the app tells about crane tunnel-api. Placeholders: {unreachable}, {control}, {openvpnImage}.
 */
public record TunnelApiData(
        String command,
        String imageOptions,
        String openvpnImage,
        String binary,
        List<String> requirements,
        String afterwards) {

    public TunnelApiData {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    /** The exact command for these two contexts. */
    public String commandFor(String unreachableContext, String controlContext) {
        return command.replace("{unreachable}", unreachableContext).replace("{control}", controlContext);
    }

    /** The command plus the image options, for a restricted network. */
    public String commandWithImagesFor(String unreachableContext, String controlContext, String mirroredOpenvpnImage) {
        String image = mirroredOpenvpnImage == null ? openvpnImage : mirroredOpenvpnImage;
        return commandFor(unreachableContext, controlContext) + " " + imageOptions.replace("{openvpnImage}", image);
    }

    public List<String> requirementsText() {
        return requirements.stream().map(r -> r.replace("{openvpnImage}", openvpnImage)).toList();
    }
}

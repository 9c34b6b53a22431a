package io.mtcassistant.mirror.catalog;

/** Why an image is in the mirror set, in words for the plan table. */
public enum ImagePurpose {
    CATALOG("operator catalog (filtered)"),
    MTC_BUNDLE("MTC operator bundle"),
    MTC_OPERAND("MTC operator or operand image"),
    OADP_DEPENDENCY("OADP (required by the MTC bundle)"),
    OTHER_OPERATOR("other selected operator"),
    LEGACY_OPERATOR("MTC legacy operator (OpenShift 3 / 4.2-4.5 sources)"),
    ADDITIONAL("additional image");

    private final String label;

    ImagePurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package io.mtcassistant.sim.migration;

import java.util.Random;

/** The five-character suffixes Kubernetes generateName adds. */
final class RandomNames {

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private RandomNames() {
    }

    static String suffix(Random random) {
        StringBuilder text = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}

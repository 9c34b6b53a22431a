package io.mtcassistant.common;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * TLS key managers for a key made in this process that never leaves it (the simulations' and demo registry's
 * certificates). A key store protects each key with 10,000 rounds of PBKDF2 by default, paid again when the key
 * manager reads it back: hundreds of milliseconds of CPU per server on a cold JVM, for a store never written anywhere.
 */
public final class InMemoryKeyManagers {

    private static final char[] PASSWORD = "in-memory".toCharArray();
    private static final KeyStore.PasswordProtection ONE_ROUND = new KeyStore.PasswordProtection(PASSWORD,
            "PBEWithHmacSHA256AndAES_256", new PBEParameterSpec(new byte[16], 1));

    private InMemoryKeyManagers() {
    }

    /** Key managers that present {@code chain} (the server's certificate first) with {@code key}. */
    public static KeyManager[] of(PrivateKey key, X509Certificate... chain) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry("key", new KeyStore.PrivateKeyEntry(key, chain), ONE_ROUND);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, PASSWORD);
            return factory.getKeyManagers();
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an empty key store", e);
        }
    }
}

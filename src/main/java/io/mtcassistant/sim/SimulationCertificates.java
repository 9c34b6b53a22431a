package io.mtcassistant.sim;

import io.mtcassistant.common.InMemoryKeyManagers;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA and a server certificate for one simulated cluster, made with EC P-256 keys (fast to generate,
 * unlike the RSA self-signed certificate of the mock web server) and the JDK's own crypto provider.
 */
final class SimulationCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate ca;
    private final KeyPair caKeys;
    private final X509Certificate server;
    private final KeyPair serverKeys;

    /**
     * @param clusterName for the certificate subjects
     * @param serverNames DNS names of the server certificate; empty means localhost and 127.0.0.1
     */
    SimulationCertificates(String clusterName, List<String> serverNames) {
        try {
            caKeys = ecKeys();
            X500Name caName = new X500Name("CN=" + safe(clusterName) + " simulation CA,O=MTC Assistant simulation");
            Instant now = Instant.now().minus(1, ChronoUnit.HOURS);
            X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            ca = sign(caBuilder, caKeys);

            serverKeys = ecKeys();
            List<GeneralName> names = new ArrayList<>();
            if (serverNames.isEmpty()) {
                names.add(new GeneralName(GeneralName.dNSName, "localhost"));
                names.add(new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()));
            } else {
                serverNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            }
            String commonName = serverNames.isEmpty() ? "localhost" : serverNames.get(0);
            X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), new X500Name("CN=" + safe(commonName)),
                    serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
            server = sign(serverBuilder, caKeys);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the simulation's certificates", e);
        }
    }

    /** PEM of the CA certificate (what a kubeconfig's certificate-authority-data carries). */
    String caPem() {
        return pem(ca);
    }

    X509Certificate serverCertificate() {
        return server;
    }

    /** A client certificate and key (PEM) signed by this CA, as kubeconfig client-certificate-data carries. */
    record ClientCertificate(String certificatePem, String keyPem) {
    }

    /** Issues a client certificate for a user name; admins get O=system:masters like real admin certificates. */
    ClientCertificate clientCertificate(String userName, boolean admin) {
        try {
            KeyPair keys = ecKeys();
            Instant now = Instant.now().minus(1, ChronoUnit.HOURS);
            X500Name subject = new X500Name((admin ? "O=system:masters," : "") + "CN=" + safe(userName));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), serial(), Date.from(now),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
                                    org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth));
            X509Certificate certificate = sign(builder, caKeys);
            return new ClientCertificate(pem(certificate), sec1Pem(keys));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a client certificate", e);
        }
    }

    /**
     * The key as "EC PRIVATE KEY" (SEC 1) with the curve named inside, as openssl and kubeadm write it; fabric8
     * reads EC keys only in this form.
     */
    private static String sec1Pem(KeyPair keys) throws IOException {
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                keys.getPrivate().getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey bare = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                info.parsePrivateKey());
        org.bouncycastle.asn1.DERBitString publicKey = new org.bouncycastle.asn1.DERBitString(
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())
                        .getPublicKeyData().getBytes());
        org.bouncycastle.asn1.sec.ECPrivateKey full = new org.bouncycastle.asn1.sec.ECPrivateKey(256, bare.getKey(),
                publicKey, new org.bouncycastle.asn1.x9.X962Parameters(
                        org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1));
        StringWriter text = new StringWriter();
        try (org.bouncycastle.util.io.pem.PemWriter writer = new org.bouncycastle.util.io.pem.PemWriter(text)) {
            writer.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", full.getEncoded()));
        }
        return text.toString();
    }

    /** A TLS server context presenting the server certificate and its CA, accepting client certificates of the CA. */
    SSLContext serverContext() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", ca);
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(InMemoryKeyManagers.of(serverKeys.getPrivate(), server, ca), trust.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up the simulation's TLS", e);
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM);
    }

    private static String pem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static String safe(String name) {
        return name.replaceAll("[,=+<>#;\"\\\\]", "-");
    }
}

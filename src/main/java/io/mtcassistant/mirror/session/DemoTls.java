package io.mtcassistant.mirror.session;

import io.mtcassistant.common.InMemoryKeyManagers;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away self-signed certificate for the demo registry on 127.0.0.1, so the demo talks TLS with verification
 * on (the certificate is given to the client as the registry's CA) instead of turning verification off.
 */
public final class DemoTls {

    private final SSLContext context;
    private final String caPem;

    public DemoTls() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=127.0.0.1,O=MTC Assistant demo registry");
            Instant now = Instant.now().minus(1, ChronoUnit.HOURS);
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, new SecureRandom()), Date.from(now),
                    Date.from(now.plus(30, ChronoUnit.DAYS)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                            new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            context = SSLContext.getInstance("TLS");
            context.init(InMemoryKeyManagers.of(keys.getPrivate(), certificate), null, null);
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(certificate);
            }
            caPem = text.toString();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the demo registry's certificate", e);
        }
    }

    public SSLContext context() {
        return context;
    }

    public String caPem() {
        return caPem;
    }
}

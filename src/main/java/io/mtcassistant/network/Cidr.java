package io.mtcassistant.network;

import java.math.BigInteger;
import java.net.InetAddress;

/** An IPv4 or IPv6 address range; a bare address is its own /32 (or /128). */
public record Cidr(InetAddress base, int prefixLength) {

    public static Cidr parse(String field, String text) {
        String t = text == null ? "" : text.trim();
        String[] parts = t.split("/", -1);
        InetAddress ip = parts.length <= 2 ? NoProxyEntry.ipLiteral(parts[0]) : null;
        if (ip == null) {
            throw new InvalidSettingException(field, "'" + t + "' is not an IP address or CIDR (10.0.0.0/16)");
        }
        int max = ip.getAddress().length * 8;
        int bits = max;
        if (parts.length == 2) {
            if (!parts[1].matches("[0-9]{1,3}") || Integer.parseInt(parts[1]) > max) {
                throw new InvalidSettingException(field, "'" + t + "': the prefix length must be a number from 0 to " + max);
            }
            bits = Integer.parseInt(parts[1]);
        }
        return new Cidr(ip, bits);
    }

    public boolean contains(InetAddress ip) {
        byte[] a = ip.getAddress();
        byte[] b = base.getAddress();
        if (a.length != b.length) {
            return false;
        }
        BigInteger mask = mask(a.length * 8);
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    /** Every address of {@code other} is in this range. */
    public boolean contains(Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.base);
    }

    public boolean overlaps(Cidr other) {
        return contains(other.base) || other.contains(base);
    }

    private BigInteger mask(int bits) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE));
    }

    @Override
    public String toString() {
        return base.getHostAddress() + "/" + prefixLength;
    }
}

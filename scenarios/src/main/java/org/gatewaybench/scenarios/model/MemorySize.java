package org.gatewaybench.scenarios.model;

/**
 * A memory size as Kubernetes writes it: {@code 64Mi}, {@code 1Gi}, {@code 512Ki} or plain bytes.
 *
 * @param bytes the size in bytes, above 0
 */
public record MemorySize(long bytes) {

    /** The form the scenario format accepts. */
    public static final String PATTERN = "[1-9][0-9]*(Ki|Mi|Gi)?";
    public static final String FORM = "a size like 64Mi (bytes, Ki, Mi or Gi)";

    public MemorySize {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a memory size is above 0 bytes, found " + bytes);
        }
    }

    /** The size of text in {@link #PATTERN}'s form. */
    public static MemorySize parse(String text) {
        if (!text.matches(PATTERN)) {
            throw new IllegalArgumentException("expected " + FORM + ", found '" + text + "'");
        }
        long unit = text.endsWith("Ki") ? 1L << 10 : text.endsWith("Mi") ? 1L << 20 : text.endsWith("Gi") ? 1L << 30 : 1;
        String digits = unit == 1 ? text : text.substring(0, text.length() - 2);
        return new MemorySize(Math.multiplyExact(Long.parseLong(digits), unit));
    }

    /** The shortest exact text: 64Mi for 67108864. */
    @Override
    public String toString() {
        for (String suffix : new String[] {"Gi", "Mi", "Ki"}) {
            long unit = suffix.equals("Gi") ? 1L << 30 : suffix.equals("Mi") ? 1L << 20 : 1L << 10;
            if (bytes % unit == 0) {
                return bytes / unit + suffix;
            }
        }
        return Long.toString(bytes);
    }
}

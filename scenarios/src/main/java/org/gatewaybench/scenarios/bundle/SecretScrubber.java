package org.gatewaybench.scenarios.bundle;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text that leaves the machine in a bundle: private keys (PEM blocks),
 * Authorization headers, bearer tokens, JSON web tokens, a kubeconfig's credentials and any value
 * of a key that names a secret (token, password, secret, client-key-data, ...). Each is replaced by
 * {@value #MARK}, which is valid inside JSON strings and YAML scalars, so journals stay readable.
 * Whole files that are credentials (kubeconfigs, key files) are left out instead: {@link #secretFile}.
 */
public final class SecretScrubber {

    /** What replaces a secret. */
    public static final String MARK = "[redacted]";

    /** One kind of secret and how to find it; group "keep" (if any) stays, the rest is replaced. */
    private record Rule(String kind, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private key", Pattern.compile(
                    "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?-----END \\1PRIVATE KEY-----", Pattern.DOTALL)),
            new Rule("Authorization header", Pattern.compile(
                    "(?<keep>(?i:(?:proxy-)?authorization)\"?\\s*[:=]\\s*\"?)[^\"\\r\\n\\\\]+")),
            new Rule("bearer token", Pattern.compile("(?<keep>(?i:bearer)\\s+)[A-Za-z0-9._~+/=-]{8,}")),
            new Rule("JSON web token", Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*")),
            new Rule("credential value", Pattern.compile(
                    "(?<keep>(?i:\"?[a-z0-9_.-]*(?:token|password|passwd|secret|api[-_]?key|client-key-data"
                            + "|client-certificate-data|credentials?))(?:\\\\?\")?\\s*[:=]\\s*(?:\\\\?\")?)"
                            + "(?!\\[redacted\\])[^\"\\s,}\\\\][^\"\\r\\n,}\\\\]*")));

    /** A word every rule's match holds: text without one is passed through unsearched (journals are large). */
    private static final Pattern TRIGGER = Pattern.compile(
            "(?i)private key|authorization|bearer|eyJ|token|passw|secret|api[-_]?key|client-key|client-cert|credential");

    /** File names that are credentials as a whole. */
    private static final Pattern SECRET_FILE = Pattern.compile(
            "(?i).*(kubeconfig.*|\\.kubeconfig|\\.kube/config|\\.pem|\\.key|id_rsa.*|id_ed25519.*|\\.p12|\\.pfx|\\.jks)");
    private static final Pattern KUBECONFIG_TEXT = Pattern.compile("(?m)^kind:\\s*Config\\s*$");

    /** Text with its secrets replaced, and how many of each kind were found. */
    public record Scrubbed(String text, Map<String, Integer> redacted) {

        public boolean changed() {
            return !redacted.isEmpty();
        }
    }

    private SecretScrubber() {
    }

    public static Scrubbed scrub(String text) {
        if (!TRIGGER.matcher(text).find()) {
            return new Scrubbed(text, Map.of());
        }
        Map<String, Integer> found = new TreeMap<>();
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder b = new StringBuilder();
            int count = 0;
            while (m.find()) {
                String keep = rule.pattern().pattern().contains("?<keep>") ? m.group("keep") : "";
                if (m.group().substring(keep.length()).equals(MARK)) {
                    continue;
                }
                m.appendReplacement(b, Matcher.quoteReplacement(keep + MARK));
                count++;
            }
            m.appendTail(b);
            if (count > 0) {
                found.merge(rule.kind(), count, Integer::sum);
                out = b.toString();
            }
        }
        return new Scrubbed(out, found);
    }

    /**
     * Why the file at {@code name} with {@code text} must stay out of a bundle as a whole (a
     * kubeconfig, a key), or null when it may go in scrubbed.
     */
    public static String secretFile(String name, String text) {
        if (SECRET_FILE.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return "its name marks credentials";
        }
        if (text != null && KUBECONFIG_TEXT.matcher(text).find() && text.contains("users:")) {
            return "a kubeconfig";
        }
        return null;
    }
}

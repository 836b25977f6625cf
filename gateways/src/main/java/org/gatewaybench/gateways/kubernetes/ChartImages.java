package org.gatewaybench.gateways.kubernetes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The container images a rendered chart (Kubernetes manifests, YAML) refers to. */
public final class ChartImages {

    /** {@code image: x}, {@code - image: "x"}, {@code image: 'x'} in a pod spec; never a value named like it. */
    private static final Pattern IMAGE = Pattern.compile("^\\s*(?:-\\s+)?image:\\s*[\"']?([^\"'\\s#]+)[\"']?\\s*(?:#.*)?$",
            Pattern.MULTILINE);

    private ChartImages() {
    }

    /** Every image {@code manifests} name, once, in the order they first appear. */
    public static List<String> in(String manifests) {
        Set<String> images = new LinkedHashSet<>();
        Matcher m = IMAGE.matcher(manifests);
        while (m.find()) {
            images.add(m.group(1));
        }
        return List.copyOf(images);
    }
}

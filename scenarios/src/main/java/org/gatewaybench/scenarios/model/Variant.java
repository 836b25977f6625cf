package org.gatewaybench.scenarios.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One record of a sealed interface whose file form is a mapping chosen by a key field, e.g. a churn
 * phase: {@code kind: ramp} is {@link Phase.Ramp}. The interface names the key with {@link Key}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Variant {

    /** The key's value that chooses this record. */
    String value();

    /** The field whose value chooses the variant, declared on the sealed interface. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Key {
        String value();

        /** What the key means, for the schema and messages. */
        String help();
    }
}

package org.gatewaybench.scenarios.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules across fields that a section of a scenario must also meet, beyond each field's own
 * form (traffic needs stable routes, a fault must be one every gateway supports...). They run
 * after command-line overrides, against the whole scenario.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CheckedBy {
    Class<? extends SectionRules<?>> value();
}

package org.gatewaybench.scenarios.model;

/**
 * Rules across the fields of one section of a scenario ({@link CheckedBy}). A rule that is broken
 * is reported at the field that breaks it, with what was expected and what was found.
 *
 * @param <S> the section's record
 */
public interface SectionRules<S> {

    void check(S section, Scenario scenario, Findings findings);

    /** Where a broken rule is reported: relative to the section, or from the scenario's root. */
    interface Findings {

        /** A problem at {@code field} of this section ("" for the section itself). */
        void at(String field, String expected, String found);

        /** A problem at {@code path} from the scenario's root, located at the section when the file lacks it. */
        void atRoot(String path, String expected, String found);
    }
}

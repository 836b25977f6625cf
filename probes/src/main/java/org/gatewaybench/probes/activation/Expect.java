package org.gatewaybench.probes.activation;

/** The state a route is expected to reach on the data plane after a write. */
enum Expect {
    /** After a create or an update: the route's backend answers. */
    PRESENT("present"),
    /** After a delete: the gateway answers 404. */
    ABSENT("absent");

    private final String word;

    Expect(String word) {
        this.word = word;
    }

    /** The word written in journals ({@code ProbePoll.expect}). */
    String word() {
        return word;
    }
}

package org.gatewaybench.probes.activation;

import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;

/**
 * Judges one answer of the data plane against what a route should look like there. Pure: the
 * same answer always counts the same, so the words it writes in the journal can be re-checked.
 */
final class AnswerClassifier {

    /** An outcome and the short word or phrase journaled beside it. */
    record Verdict(PollOutcome outcome, String detail) {
    }

    private AnswerClassifier() {
    }

    /**
     * After a create or update: the route's backend (echoing the route's host) is OK; 404, and the
     * previous backend of an update, are not yet; anything else is an error.
     *
     * @param previousBackend the backend before an update, null after a create
     */
    static Verdict present(Route route, Backend previousBackend, Answer answer) {
        if (answer.failedBeforeAnswer()) {
            return new Verdict(PollOutcome.ERROR, answer.failure());
        }
        int status = answer.status();
        if (status == 404) {
            return new Verdict(PollOutcome.NOT_YET, "not-found");
        }
        if (status != 200) {
            return new Verdict(PollOutcome.ERROR, "status " + status);
        }
        String id = answer.backendId();
        if (route.backend().id().equals(id)) {
            String host = answer.bodyHost();
            if (host == null || !host.equalsIgnoreCase(route.host())) {
                return new Verdict(PollOutcome.ERROR, "wrong-host " + host);
            }
            return new Verdict(PollOutcome.OK, "backend " + id);
        }
        if (previousBackend != null && previousBackend.id().equals(id)) {
            return new Verdict(PollOutcome.NOT_YET, "previous-backend " + id);
        }
        return new Verdict(PollOutcome.ERROR, "wrong-backend " + id);
    }

    /**
     * After a delete: 404 is OK; any backend still answering for the route's host is not yet (the
     * host is the route's own, so an answer means some version of it, perhaps from before an update
     * the gateway never applied, is still in force); anything else is an error.
     */
    static Verdict absent(Route route, Answer answer) {
        if (answer.failedBeforeAnswer()) {
            return new Verdict(PollOutcome.ERROR, answer.failure());
        }
        int status = answer.status();
        if (status == 404) {
            return new Verdict(PollOutcome.OK, "not-found");
        }
        if (status != 200) {
            return new Verdict(PollOutcome.ERROR, "status " + status);
        }
        String id = answer.backendId();
        String host = answer.bodyHost();
        if (id != null && host != null && host.equalsIgnoreCase(route.host())) {
            return new Verdict(PollOutcome.NOT_YET, "still-routed " + id);
        }
        return new Verdict(PollOutcome.ERROR, id == null ? "not-a-backend" : "wrong-host " + host);
    }
}

package org.gatewaybench.probes.resources;

/**
 * What a process of a gateway component does, told by its command line. nginx writes its role
 * into its process title; an nginx worker "is shutting down" after a reload, while it drains the
 * connections it still holds. HAProxy in master-worker mode (-W) runs its workers as children of
 * the master with the same command line.
 */
public enum ProcessRole {
    MASTER("master"),
    WORKER("worker"),
    /** An old worker still serving its connections after a reload. */
    DRAINING_WORKER("draining-worker"),
    /** nginx's cache manager or cache loader. */
    CACHE("cache"),
    /** The root of a component that is none of the above. */
    MAIN("main"),
    /** Any other descendant of the root. */
    CHILD("child");

    private final String word;

    ProcessRole(String word) {
        this.word = word;
    }

    /** The word written in journals. */
    public String word() {
        return word;
    }

    /** The role of a process with {@code commandLine}; {@code root} is the component's root process. */
    public static ProcessRole classify(String commandLine, boolean root, String rootCommandLine) {
        if (commandLine.startsWith("nginx: master process")) {
            return MASTER;
        }
        if (commandLine.startsWith("nginx: worker process is shutting down")) {
            return DRAINING_WORKER;
        }
        if (commandLine.startsWith("nginx: worker process")) {
            return WORKER;
        }
        if (commandLine.startsWith("nginx: cache ")) {
            return CACHE;
        }
        if (isHaproxyMasterWorker(rootCommandLine)) {
            return root ? MASTER : WORKER;
        }
        return root ? MAIN : CHILD;
    }

    private static boolean isHaproxyMasterWorker(String commandLine) {
        String[] args = commandLine.split(" ");
        if (args.length == 0 || !(args[0].equals("haproxy") || args[0].endsWith("/haproxy"))) {
            return false;
        }
        for (String a : args) {
            if (a.equals("-W")) {
                return true;
            }
        }
        return false;
    }
}

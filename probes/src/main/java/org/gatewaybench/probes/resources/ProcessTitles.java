package org.gatewaybench.probes.resources;

import org.gatewaybench.core.resources.ProcessRole;

/**
 * Tells a gateway process's role from its command line. nginx writes its role into its process
 * title; an nginx worker "is shutting down" after a reload, while it drains the connections it
 * still holds. HAProxy in master-worker mode (-W) runs its workers as children of the master with
 * the same command line.
 */
public final class ProcessTitles {

    private ProcessTitles() {
    }

    /** The role of a process with {@code commandLine}; {@code root} is the component's root process. */
    public static ProcessRole role(String commandLine, boolean root, String rootCommandLine) {
        if (commandLine.startsWith("nginx: master process")) {
            return ProcessRole.MASTER;
        }
        if (commandLine.startsWith("nginx: worker process is shutting down")) {
            return ProcessRole.DRAINING_WORKER;
        }
        if (commandLine.startsWith("nginx: worker process")) {
            return ProcessRole.WORKER;
        }
        if (commandLine.startsWith("nginx: cache ")) {
            return ProcessRole.CACHE;
        }
        if (isHaproxyMasterWorker(rootCommandLine)) {
            return root ? ProcessRole.MASTER : ProcessRole.WORKER;
        }
        return root ? ProcessRole.MAIN : ProcessRole.CHILD;
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

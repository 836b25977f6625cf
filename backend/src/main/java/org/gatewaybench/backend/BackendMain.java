package org.gatewaybench.backend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one backend as a process (the container image of the backend in clusters):
 * {@code BackendMain [--id ID] [--bind ADDRESS] [--port PORT]}. The id defaults to the environment
 * variable {@code BACKEND_ID}, the address to 0.0.0.0, the port to 8080. Runs until stopped.
 * {@code BackendMain reach SPEC...} instead tries endpoints once and exits ({@link Reach}): the
 * same image serves as the isolation probe's client in a tenant's namespace.
 */
public final class BackendMain {

    private BackendMain() {
    }

    /** How long the reach mode waits for a connect and for an answer. */
    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(3);

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("reach")) {
            Reach.main(List.of(args).subList(1, args.length), REACH_TIMEOUT);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv("BACKEND_ID"));
        } catch (IllegalArgumentException e) {
            System.err.println("backend: " + e.getMessage());
            System.err.println("usage: BackendMain [--id ID] [--bind ADDRESS] [--port PORT]  (id also from BACKEND_ID)");
            System.err.println("       BackendMain reach read,host:port,request...  (read: connect, http_get, line)");
            System.exit(2);
            return;
        }
        BackendServer server = new BackendServer().start(options.id(), options.bind(), options.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "backend-stop"));
        System.out.println("backend " + options.id() + " listening on " + options.bind() + ":" + server.port());
        stopped.await();
    }

    /** The command line, parsed. */
    record Options(String id, String bind, int port) {

        static Options parse(String[] args, String idFromEnv) {
            String id = idFromEnv;
            String bind = "0.0.0.0";
            int port = 8080;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--id" -> id = value;
                    case "--bind" -> bind = value;
                    case "--port" -> port = parsePort(value);
                    default -> throw new IllegalArgumentException("unknown option '" + flag
                            + "'; expected --id, --bind or --port");
                }
            }
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("no backend id: give --id or set BACKEND_ID");
            }
            return new Options(id, bind, port);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--port: expected a number from 0 to 65535, found '" + value + "'");
        }
    }
}

package org.gatewaybench.backend;

import java.util.concurrent.CountDownLatch;

/**
 * Runs one backend as a process (the container image of the backend in clusters):
 * {@code BackendMain [--id ID] [--bind ADDRESS] [--port PORT]}. The id defaults to the environment
 * variable {@code BACKEND_ID}, the address to 0.0.0.0, the port to 8080. Runs until stopped.
 */
public final class BackendMain {

    private BackendMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args, System.getenv("BACKEND_ID"));
        } catch (IllegalArgumentException e) {
            System.err.println("backend: " + e.getMessage());
            System.err.println("usage: BackendMain [--id ID] [--bind ADDRESS] [--port PORT]  (id also from BACKEND_ID)");
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

package org.gatewaybench.gateways.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 GET with a chosen Host header over a fresh connection (the JDK client will not set
 * Host), as the activation probe asks a data plane.
 */
final class LabHttp {

    /** An answer: status, the X-Backend-Id header (or null) and the body; status -1 when the connection failed. */
    record Answer(int status, String backendId, String body, long sentNanos) {

        boolean servedBy(String id) {
            return status == 200 && id.equals(backendId);
        }
    }

    private LabHttp() {
    }

    static Answer get(InetSocketAddress dataPlane, String host, String path) {
        long sent = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(dataPlane, 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = headersEnd < 0 ? response : response.substring(0, headersEnd);
            String body = headersEnd < 0 ? "" : response.substring(headersEnd + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String backendId = null;
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("x-backend-id:")) {
                    backendId = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            return new Answer(status, backendId, body, sent);
        } catch (IOException | RuntimeException e) {
            return new Answer(-1, null, e.toString(), sent);
        }
    }
}

package org.moodbox.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client whose socket is bound to a chosen loopback source address, so a test can be
 * "another device" without leaving the loopback interface (java.net.http cannot pick a source address).
 */
public final class PhoneClient {
    private final String sourceAddress;
    private final int port;

    public PhoneClient(String sourceAddress, int port) {
        this.sourceAddress = sourceAddress;
        this.port = port;
    }

    /** @param head the status line and headers as received */
    public record Answer(int status, String body, String head) {
        /** The value of the first header of this name (case-insensitive), or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    Answer send(String method, String path, String jsonBody) throws IOException {
        return send(method, path, jsonBody, java.util.Map.of());
    }

    /** With extra request headers (a Cookie and the CSRF token, as a signed-in phone sends them). */
    Answer send(String method, String path, String jsonBody, java.util.Map<String, String> headers)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + (jsonBody == null ? "" : "Content-Type: application/json\r\n")
                    + headers.entrySet().stream().map(h -> h.getKey() + ": " + h.getValue() + "\r\n")
                            .collect(java.util.stream.Collectors.joining())
                    + "Content-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = readAll(socket.getInputStream());
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : dechunk(response.substring(split + 4), response),
                    split < 0 ? response : response.substring(0, split));
        }
    }

    /** Reads until the server closes (Connection: close); an SSE answer of 200 would not close, a 403 does. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                buffer.write(chunk, 0, n);
            }
        } catch (java.net.SocketTimeoutException stillStreaming) {
            // an open event stream: what arrived so far is the answer
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String dechunk(String body, String whole) {
        if (!whole.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}

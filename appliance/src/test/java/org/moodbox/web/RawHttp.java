package org.moodbox.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a loopback socket, for what Java's HttpClient will not send: a Host header naming
 * another site, a body shorter than its Content-Length, a broken chunked body. Every read has a timeout, so a
 * test using it ends by itself.
 */
final class RawHttp {
    private RawHttp() {
    }

    record Answer(int status, String head, String body) {
        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip()).findFirst();
        }

        /** The value of a Set-Cookie's first name=value pair. */
        Optional<String> cookie() {
            return header("Set-Cookie").map(c -> c.split(";", 2)[0]);
        }
    }

    /** Sends the request text as is (CRLFs included) and reads the answer until the server closes. */
    static Answer exchange(int port, String request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** A request with "Connection: close" added, so the answer ends with the connection. */
    static Answer request(int port, String method, String path, String host, String headers, String body)
            throws IOException {
        String text = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n" + (body == null ? "" : body);
        return exchange(port, text, 10_000);
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            all.write(buffer, 0, n);
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] statusLine = head.split(" ", 3);
        int status = statusLine.length > 1 && statusLine[1].matches("[0-9]{3}") ? Integer.parseInt(statusLine[1]) : -1;
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, head, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}

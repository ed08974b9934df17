package org.moodbox.web;
import org.moodbox.web.admin.AdminSessions;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A phone's browser reduced to what the admin API sees: a cookie jar, the CSRF token, JSON in and out. */
final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    String csrf;

    AdminClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Opens the page's session and keeps its CSRF token, as admin.js does on load. */
    JsonNode openSession() throws Exception {
        Reply reply = get("/admin/api/session");
        csrf = reply.json().path("csrfToken").asText();
        return reply.json();
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** With the CSRF header, as admin.js sends it; a successful sign-in or setup brings a new token. */
    Reply post(String path, String body) throws IOException, InterruptedException {
        Reply reply = send(withCsrf(path).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (reply.status() == 200 && reply.json().has("csrfToken")) {
            csrf = reply.json().get("csrfToken").asText();
        }
        return reply;
    }

    Reply put(String path, String body) throws IOException, InterruptedException {
        return send(withCsrf(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request as a foreign page could make it: the cookie may ride along, the token cannot. */
    Reply putWithoutCsrf(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response);
    }

    HttpRequest.Builder withCsrf(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json");
        return csrf == null ? builder : builder.header(AdminSessions.CSRF_HEADER, csrf);
    }

    /** The client itself, with this phone's cookies, for answers that are not JSON (the camera preview). */
    HttpClient http() {
        return http;
    }

    Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(AdminSessions.COOKIE)).findFirst();
    }

    void setUp(String password) throws Exception {
        openSession();
        Reply reply = post("/admin/api/setup", "{\"password\":\"" + password + "\",\"confirm\":\"" + password + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("setup failed: " + reply);
        }
    }

    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}

package org.moodbox.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The accounts service's token endpoint ({@code POST /api/token}): code for tokens (with the PKCE verifier)
 * and refresh. Ours rather than spotify-web-api-java's, because the library pins these requests to Spotify's
 * host, and the tests must point them at a local fake.
 */
final class AccountsClient {
    private final SpotifyEndpoints endpoints;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    AccountsClient(SpotifyEndpoints endpoints, Duration timeout, Clock clock) {
        this.endpoints = endpoints;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The page the owner opens to approve Moodbox (Spotify's consent screen). */
    URI authorizeUri(SpotifyApp app, URI redirectUri, Pkce pkce, String scopes) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", app.clientId());
        q.put("response_type", "code");
        q.put("redirect_uri", redirectUri.toString());
        q.put("code_challenge_method", "S256");
        q.put("code_challenge", pkce.challenge());
        q.put("state", pkce.state());
        q.put("scope", scopes);
        return URI.create(endpoints.accounts().toString().replaceAll("/$", "") + "/authorize?" + form(q));
    }

    SpotifyTokens exchange(SpotifyApp app, String code, URI redirectUri, String verifier) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", redirectUri.toString());
        f.put("client_id", app.clientId());
        f.put("code_verifier", verifier);
        return post(app, f, null);
    }

    /** Spotify may or may not send a new refresh token; without one the old one stays valid. */
    SpotifyTokens refresh(SpotifyApp app, String refreshToken) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "refresh_token");
        f.put("refresh_token", refreshToken);
        f.put("client_id", app.clientId());
        return post(app, f, refreshToken);
    }

    private SpotifyTokens post(SpotifyApp app, Map<String, String> form, String previousRefresh) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(endpoints.accounts().toString().replaceAll("/$", "") + "/api/token"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (app.clientSecret() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SpotifyException(SpotifyException.Kind.UNAVAILABLE,
                    "Spotify's accounts service did not answer: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyException(SpotifyException.Kind.UNAVAILABLE, "interrupted", null, e);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            body = json.createObjectNode();
        }
        int status = response.statusCode();
        if (status == 200 && body.hasNonNull("access_token")) {
            String refresh = body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : previousRefresh;
            return new SpotifyTokens(body.get("access_token").asText(), refresh,
                    clock.instant().plusSeconds(body.path("expires_in").asLong(3600)), body.path("scope").asText(null));
        }
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText(response.body());
        if (status == 400 || status == 401) {
            // invalid_grant: code used or expired, verifier wrong, refresh token revoked; invalid_client: bad id
            throw new SpotifyException(SpotifyException.Kind.RELINK,
                    "Spotify refused the " + ("refresh_token".equals(form.get("grant_type")) ? "refresh" : "sign-in")
                            + " (" + error + ": " + description + ")");
        }
        if (status == 429) {
            throw new SpotifyException(SpotifyException.Kind.RATE_LIMITED, "Spotify's accounts service asks us to wait",
                    clock.instant().plusSeconds(response.headers().firstValueAsLong("Retry-After").orElse(30)), null);
        }
        throw new SpotifyException(SpotifyException.Kind.UNAVAILABLE,
                "Spotify's accounts service answered " + status + " " + error);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

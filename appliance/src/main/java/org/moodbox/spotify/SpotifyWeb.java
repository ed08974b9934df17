package org.moodbox.spotify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadGatewayException;
import se.michaelthelin.spotify.exceptions.detailed.ForbiddenException;
import se.michaelthelin.spotify.exceptions.detailed.InternalServerErrorException;
import se.michaelthelin.spotify.exceptions.detailed.NotFoundException;
import se.michaelthelin.spotify.exceptions.detailed.ServiceUnavailableException;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;
import se.michaelthelin.spotify.requests.IRequest;

/**
 * Every Web API call goes through here, with one policy for what goes wrong:
 * <ul>
 *   <li>401: refresh the token once and try again; refused again, the link is marked revoked (re-link).</li>
 *   <li>429: wait what Retry-After says (at least the backoff step, doubling), up to a few times, as long as
 *       the wait stays under the caller's patience; longer waits fail fast as RATE_LIMITED.</li>
 *   <li>5xx, timeouts, no network: UNAVAILABLE at once (the local library takes over; a background retry
 *       finds out when Spotify is back).</li>
 * </ul>
 * Calls run on the caller's thread, which is never a web request thread: the candidate refresher and the
 * Connect player each have their own.
 */
public final class SpotifyWeb {
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyWeb.class);
    static final int MAX_RATE_LIMIT_RETRIES = 3;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** One request, built against a client that carries the current token. */
    public interface Call<T> {
        IRequest<T> build(SpotifyApi api);
    }

    private final SpotifyAccount account;
    private final SpotifyApis apis;
    private final SpotifyHealth health;
    private final Clock clock;
    private final Sleeper sleeper;

    /** Waits between retries; tests count the waits instead of spending them. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    SpotifyWeb(SpotifyAccount account, SpotifyApis apis, SpotifyHealth health, Clock clock, Sleeper sleeper) {
        this.account = account;
        this.apis = apis;
        this.health = health;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public SpotifyHealth health() {
        return health;
    }

    public SpotifyAccount account() {
        return account;
    }

    /**
     * @param patience the longest this caller may wait for a rate limit to pass (a background sweep: a minute;
     *                 a tap on the kiosk: none)
     */
    public <T> T call(String what, Duration patience, Call<T> call) {
        try {
            return attempt(what, patience, call);
        } catch (SpotifyException e) {
            // Token troubles surface here too (a refused or unreachable refresh): the screens must say so.
            switch (e.kind()) {
                case RELINK -> health.relink(e.getMessage());
                case UNAVAILABLE -> health.unavailable(e.getMessage());
                default -> { }
            }
            throw e;
        }
    }

    private <T> T attempt(String what, Duration patience, Call<T> call) {
        boolean refreshed = false;
        int rateLimited = 0;
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            String token = account.accessToken();
            try {
                T result = executeWithin(call.build(apis.withToken(token)), apis.timeout());
                health.ok(what);
                return result;
            } catch (UnauthorizedException e) {
                if (!refreshed) {
                    refreshed = true;
                    LOG.info("Spotify refused the token for {}; refreshing once", what);
                    account.refreshNow(token);
                    continue;
                }
                String reason = "the token was refused even after a refresh: " + e.getMessage();
                account.markRevoked(reason);
                throw new SpotifyException(SpotifyException.Kind.RELINK, reason, null, e);
            } catch (TooManyRequestsException e) {
                Duration asked = Duration.ofSeconds(Math.max(0, e.getRetryAfter()));
                Duration wait = asked.compareTo(backoff) > 0 ? asked : backoff;
                Instant retryAt = clock.instant().plus(wait);
                if (rateLimited >= MAX_RATE_LIMIT_RETRIES || wait.compareTo(patience) > 0) {
                    health.rateLimited(retryAt);
                    throw new SpotifyException(SpotifyException.Kind.RATE_LIMITED,
                            "Spotify asked to wait " + asked.toSeconds() + " s before " + what, retryAt, e);
                }
                rateLimited++;
                LOG.info("Spotify rate limit on {}: waiting {} s (Retry-After {} s, try {})", what,
                        wait.toSeconds(), asked.toSeconds(), rateLimited);
                sleep(wait);
                backoff = backoff.multipliedBy(2);
            } catch (InternalServerErrorException | BadGatewayException | ServiceUnavailableException e) {
                throw unavailable(what, "it reported a server error" + (e.getMessage() == null
                        || e.getMessage().isBlank() ? "" : ": " + e.getMessage()), e);
            } catch (IOException e) {
                throw unavailable(what, e instanceof java.net.SocketTimeoutException
                        || e instanceof java.io.InterruptedIOException ? "it did not answer in time" : e.toString(), e);
            } catch (ForbiddenException e) {
                throw new SpotifyException(SpotifyException.Kind.REFUSED, "Spotify refused " + what + ": "
                        + e.getMessage() + " (development-mode apps only serve the users listed in the "
                        + "dashboard; playback needs Premium)", null, e);
            } catch (NotFoundException e) {
                throw new SpotifyException(SpotifyException.Kind.REFUSED, "Spotify has no " + what + ": "
                        + e.getMessage(), null, e);
            } catch (SpotifyWebApiException | ParseException e) {
                throw unavailable(what, "unexpected answer: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs the request on a helper thread and stops waiting after the timeout: the HTTP client's own timeouts
     * do not cover every stage (its caching layer keeps its own connections), and a call must never hang.
     */
    private static <T> T executeWithin(IRequest<T> request, Duration timeout)
            throws IOException, SpotifyWebApiException, ParseException {
        java.util.concurrent.Future<T> future = CALLS.submit(request::execute);
        try {
            return future.get(timeout.toMillis() + 250, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new java.net.SocketTimeoutException("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof SpotifyWebApiException se) {
                throw se;
            }
            if (cause instanceof ParseException pe) {
                throw pe;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static final java.util.concurrent.ExecutorService CALLS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "moodbox-spotify-call");
        t.setDaemon(true);
        return t;
    });

    private SpotifyException unavailable(String what, String reason, Exception e) {
        LOG.warn("Spotify unavailable during {}: {}", what, reason);
        return new SpotifyException(SpotifyException.Kind.UNAVAILABLE, reason, null, e);
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyException(SpotifyException.Kind.UNAVAILABLE, "interrupted while waiting out a rate limit",
                    null, e);
        }
    }
}

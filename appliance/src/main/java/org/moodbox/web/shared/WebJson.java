package org.moodbox.web.shared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The web room's JSON mapper, one configuration for the server and every route class that reads bodies. */
public final class WebJson {
    private WebJson() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // A body is exactly one JSON value: {"volumeCap":0.5}{"x":1} is refused, not half-read.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}

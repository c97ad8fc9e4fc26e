package org.neuroarchive.web.individual;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;

/** JSON read by hand where a body is optional or arrives inside a multipart part. */
final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private Json() {
    }

    /** The object, or 400 saying what was expected. */
    static <T> T parse(String json, Class<T> type) {
        try {
            return JSONB.fromJson(json, type);
        } catch (JsonbException e) {
            throw new BadRequestException("the body is not valid JSON for " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}

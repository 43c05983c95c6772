package dev.bobbin.examples.quarkus;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error response: what went wrong, in Bobbin's words.
 *
 * @param error the exception's simple class name
 * @param message its message
 */
public record Problem(String error, String message) {

    static Response response(Response.Status status, Throwable failure) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new Problem(failure.getClass().getSimpleName(), failure.getMessage()))
                .build();
    }
}

package dev.bobbin.examples.quarkus;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** A request-scoped bean for the tests: its id tells which request context a task ran in. */
@RequestScoped
public class RequestScopedProbe {
    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}

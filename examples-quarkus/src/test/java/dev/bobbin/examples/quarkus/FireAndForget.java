package dev.bobbin.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.RunInReactor;

/** A test bean: a fire-and-forget call whose failure only the log can tell. */
@ApplicationScoped
public class FireAndForget {

    @RunInReactor
    public void explode() {
        throw new IllegalStateException("boom");
    }
}

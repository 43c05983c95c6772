package dev.bobbin.examples.ee;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.RequestScoped;

/** Test-only: a request-scoped bean whose instances are numbered, to tell request contexts apart. */
@RequestScoped
public class RequestScopedProbe {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final int number = INSTANCES.incrementAndGet();

    public int number() {
        return number;
    }
}

package dev.bobbin.byo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.WaitFor;
import dev.bobbin.context.Visit;

/** Uses a request-scoped bean from tasks on the application's loop. */
@ApplicationScoped
public class VisitsOnAppLoop {
    @Inject
    Visit visit;

    @WaitFor(timeout = 10)
    public int visitNumber() {
        return visit.number();
    }
}

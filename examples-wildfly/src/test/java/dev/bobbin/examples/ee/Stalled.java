package dev.bobbin.examples.ee;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/** Test-only: a {@code @WaitFor} call that never completes on its own. */
@ApplicationScoped
public class Stalled {
    @WaitFor(timeout = 60)
    public String forever() {
        return WaitFor.Result.from(Uni.createFrom().nothing());
    }
}

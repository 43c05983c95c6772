package dev.bobbin.definition;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import jakarta.enterprise.inject.Stereotype;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Misused annotations, one bean each. None has a bean-defining annotation, so no container discovers
 * them; each test adds the one it needs.
 */
final class Invalid {
    private Invalid() {}

    static class ZeroTimeout {
        @WaitFor(timeout = 0)
        public String call() {
            return "";
        }
    }

    static class NegativeTimeout {
        @WaitFor(timeout = -5)
        public String call() {
            return "";
        }
    }

    static class EstimatedUnit {
        @WaitFor(timeout = 1, unit = ChronoUnit.MONTHS)
        public String call() {
            return "";
        }
    }

    static class ReturnsUni {
        @WaitFor(timeout = 1)
        public Uni<String> call() {
            return Uni.createFrom().item("");
        }
    }

    static class ReturnsMulti {
        @WaitFor(timeout = 1)
        public Multi<String> call() {
            return Multi.createFrom().empty();
        }
    }

    static class ReturnsCompletionStage {
        @WaitFor(timeout = 1)
        public CompletionStage<String> call() {
            return CompletableFuture.completedFuture("");
        }
    }

    static class ReturnsFuture {
        @WaitFor(timeout = 1)
        public Future<String> call() {
            return CompletableFuture.completedFuture("");
        }
    }

    static class ReturnsCompletableFuture {
        @WaitFor(timeout = 1)
        public CompletableFuture<String> call(String argument) {
            return CompletableFuture.completedFuture(argument);
        }
    }

    static class RunInReactorReturnsString {
        @RunInReactor
        public String call() {
            return "";
        }
    }

    @RunInReactor
    static class ClassLevelRunInReactor {
        public EventualResult<String> fine() {
            return EventualResult.of("");
        }

        public int notFine() {
            return 1;
        }
    }

    @RunInReactor
    static class Both {
        @WaitFor(timeout = 1)
        public String call() {
            return "";
        }
    }

    static class PrivateMethod {
        @WaitFor(timeout = 1)
        private String call() {
            return "";
        }
    }

    @Stereotype
    @WaitFor(timeout = 0)
    @Retention(RetentionPolicy.RUNTIME)
    @interface ZeroTimeoutStereotype {}

    @ZeroTimeoutStereotype
    static class ViaStereotype {
        public String call() {
            return "";
        }
    }
}

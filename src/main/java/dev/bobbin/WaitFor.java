package dev.bobbin;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import dev.bobbin.core.HandOff;
import io.smallrye.mutiny.Uni;

/**
 * Runs the annotated method on the reactor thread and blocks the caller until it completes.
 * <p>
 * The body runs on the application's reactor thread with the caller's arguments. A plain return value
 * is returned to the caller; asynchronous work is handed over with {@link Result#from(Uni)} (or
 * {@link Result#from(CompletionStage)}), subscribed on the reactor thread, and its item returned. The
 * caller waits at most {@link #timeout()}; then {@link ReactorTimeoutException} is thrown <em>and</em>
 * the reactor-side work is cancelled (that cancellation is never logged as an error).
 * <p>
 * Errors: an unchecked exception, or a checked exception the method declares, reaches the caller as the
 * very instance the body threw; an undeclared checked exception arrives wrapped in
 * {@link java.util.concurrent.CompletionException}. A caller interrupted while waiting returns at once
 * with a {@link java.util.concurrent.CompletionException} whose cause is the
 * {@link InterruptedException}, keeps its interrupt flag, and the work is cancelled.
 * <p>
 * Misuse: calling the method on a reactor thread (or a thread that must not block, such as a Vert.x
 * event loop) fails at once with {@link IllegalStateException}, before anything is scheduled. After the
 * application stopped, calls fail at once with {@link ReactorStoppedException}. A non-positive
 * timeout, a unit coarser than {@link ChronoUnit#DAYS}, a method also bound to {@link RunInReactor}, and
 * a declared return type of {@code Uni}, {@code Multi}, {@code CompletionStage} or {@code Future} are
 * definition errors, reported at deployment (and, should a container skip validation, on every call).
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Quotes {
 *     @Inject WebClient client;
 *
 *     @WaitFor(timeout = 2)
 *     public String latest(String symbol) {
 *         return WaitFor.Result.from(client.get("/quotes/" + symbol).send().map(HttpResponse::bodyAsString));
 *     }
 * }
 * }</pre>
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface WaitFor {
    /**
     * The longest the caller waits, in {@link #unit()}; must be {@code > 0}.
     *
     * @return the timeout
     */
    @Nonbinding
    long timeout();

    /**
     * The unit of {@link #timeout()}; must be {@link ChronoUnit#DAYS} or finer.
     *
     * @return the unit
     */
    @Nonbinding
    ChronoUnit unit() default ChronoUnit.SECONDS;

    /**
     * Hands asynchronous work from a {@link WaitFor} body to the interceptor, which subscribes to it on
     * the reactor thread and waits for its item on the caller's behalf.
     */
    final class Result {
        private Result() {}

        /**
         * Hands {@code uni} over to the enclosing {@code @WaitFor} call: the caller receives its item (or
         * its failure), and on timeout the subscription is cancelled.
         *
         * @param uni the work to await; must not be {@code null}
         * @param <T> the item type, which is the method's return type
         * @return a placeholder {@code null}: return it from the method
         * @throws IllegalStateException when not called by the body of a {@code @WaitFor} method running
         *     on the reactor thread, or when called twice in one call
         */
        public static <T> T from(Uni<T> uni) {
            return HandOff.handOver(uni, "uni");
        }

        /**
         * Hands {@code stage} over to the enclosing {@code @WaitFor} call: the caller receives its value
         * (or its failure); on timeout the stage is cancelled when it is a {@link java.util.concurrent.Future}.
         *
         * @param stage the work to await; must not be {@code null}
         * @param <T> the value type, which is the method's return type
         * @return a placeholder {@code null}: return it from the method
         * @throws IllegalStateException when not called by the body of a {@code @WaitFor} method running
         *     on the reactor thread, or when called twice in one call
         */
        public static <T> T from(CompletionStage<T> stage) {
            return HandOff.handOver(stage, "stage");
        }
    }
}

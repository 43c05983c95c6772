package dev.bobbin;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Runs the annotated method on the reactor thread and gives the caller an {@link EventualResult} at once.
 * <p>
 * The method must declare {@code EventualResult<T>} (or {@code void}, for fire-and-forget work whose
 * failures are logged). The caller never blocks and never sees the body's exception at its call site:
 * the body runs later on the reactor thread, and what it returns ({@link EventualResult#of},
 * {@link EventualResult#failed}, {@link EventualResult#from(io.smallrye.mutiny.Uni)}, ...) is followed
 * by the result the caller holds; a body that throws fails that result. Every call runs the body again.
 * <p>
 * Misuse: any other return type, or a method also bound to {@link WaitFor}, is a definition error,
 * reported at deployment. A body returning {@code null} fails its result with a
 * {@link NullPointerException} naming the method. After the application stopped, calls fail at once
 * with {@link ReactorStoppedException}.
 *
 * <pre>{@code
 * @RunInReactor
 * public EventualResult<byte[]> download(URI uri) {
 *     return EventualResult.from(client.getAbs(uri.toString()).send().map(r -> r.body().getBytes()));
 * }
 *
 * // in a servlet:
 * String id = downloads.download(uri).stash();   // keep the id in the HttpSession
 * ...
 * resultStore.retrieve(id).ifPresent(result -> ...);
 * }</pre>
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface RunInReactor {}

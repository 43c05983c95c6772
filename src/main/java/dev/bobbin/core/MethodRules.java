package dev.bobbin.core;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import dev.bobbin.EventualResult;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The rules an annotated method must follow, in one place for every container: the portable extension
 * and the first-call fallback feed them facts read by reflection, the build-compatible extension facts
 * read from the CDI Lite language model.
 */
public final class MethodRules {
    /** Types a {@code @WaitFor} method must not return: they would hide work still to wait for. */
    public static final List<Class<?>> ASYNC_TYPES =
            List.of(Uni.class, Multi.class, CompletionStage.class, Future.class);

    private MethodRules() {}

    /** How a method's declared return type relates to the rules. */
    public enum Returns {
        /** {@code void} */
        VOID,
        /** {@code EventualResult} (or a subtype) */
        EVENTUAL_RESULT,
        /** one of {@link #ASYNC_TYPES} or a subtype */
        ASYNC,
        /** anything else */
        OTHER
    }

    /**
     * What the rules look at, whatever model it was read from.
     *
     * @param what the method as messages name it ({@link #describe})
     * @param waitFor whether {@code @WaitFor} applies to it
     * @param timeout {@code @WaitFor.timeout}
     * @param unit {@code @WaitFor.unit}, by name
     * @param runInReactor whether {@code @RunInReactor} applies to it
     * @param returns the kind of its return type
     * @param returnType the simple name of its return type
     * @param annotatedMethod whether a binding is on the method itself (not only on its class)
     * @param modifier {@code "private"} or {@code "static"} when it has one of these, else {@code null}
     */
    public record Facts(
            String what,
            boolean waitFor,
            long timeout,
            String unit,
            boolean runInReactor,
            Returns returns,
            String returnType,
            boolean annotatedMethod,
            String modifier) {}

    /**
     * Checks a method against every rule.
     *
     * @param facts the method
     * @return the definition errors, empty for a valid method
     */
    public static List<String> problems(Facts facts) {
        List<String> problems = new ArrayList<>(1);
        String what = facts.what();
        if (facts.annotatedMethod() && facts.modifier() != null) {
            String annotation = facts.waitFor() ? "@WaitFor" : "@RunInReactor";
            problems.add(Messages.notInterceptable(annotation, what, facts.modifier()));
            return problems;
        }
        if (facts.waitFor() && facts.runInReactor()) {
            problems.add(Messages.bothBindings(what));
            return problems;
        }
        if (facts.waitFor()) {
            if (facts.timeout() <= 0) {
                problems.add(Messages.nonPositiveTimeout(what, facts.timeout()));
            }
            if (ChronoUnit.valueOf(facts.unit()).compareTo(ChronoUnit.DAYS) > 0) {
                problems.add(Messages.unitTooCoarse(what, facts.unit()));
            }
            if (facts.returns() == Returns.ASYNC) {
                problems.add(Messages.asyncReturnType(what, facts.returnType()));
            }
        }
        if (facts.runInReactor() && facts.returns() != Returns.VOID && facts.returns() != Returns.EVENTUAL_RESULT) {
            problems.add(Messages.notEventualResult(what, facts.returnType()));
        }
        return problems;
    }

    /**
     * Names a method as every message does: {@code Class#method(ParamType, ...)}.
     *
     * @param declaringClass simple name of the declaring class
     * @param method the method's name
     * @param parameterTypes simple names of the parameter types
     * @return the description
     */
    public static String describe(String declaringClass, String method, List<String> parameterTypes) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        parameterTypes.forEach(parameters::add);
        return declaringClass + "#" + method + parameters;
    }

    /**
     * Names a method by reflection.
     *
     * @param method the method
     * @return the description
     */
    public static String describe(Method method) {
        List<String> parameters = new ArrayList<>();
        for (Class<?> type : method.getParameterTypes()) {
            parameters.add(type.getSimpleName());
        }
        return describe(method.getDeclaringClass().getSimpleName(), method.getName(), parameters);
    }

    /**
     * Classifies a return type by reflection.
     *
     * @param type the declared return type
     * @return its kind
     */
    public static Returns returns(Class<?> type) {
        if (type == void.class || type == Void.class) {
            return Returns.VOID;
        }
        if (EventualResult.class.isAssignableFrom(type)) {
            return Returns.EVENTUAL_RESULT;
        }
        for (Class<?> async : ASYNC_TYPES) {
            if (async.isAssignableFrom(type)) {
                return Returns.ASYNC;
            }
        }
        return Returns.OTHER;
    }

    /**
     * Reads the facts of a method by reflection.
     *
     * @param method the method
     * @param waitFor the effective {@code @WaitFor}, or {@code null}
     * @param runInReactor whether {@code @RunInReactor} applies
     * @param annotatedMethod whether a binding is on the method itself
     * @return the facts
     */
    public static Facts facts(Method method, WaitFor waitFor, boolean runInReactor, boolean annotatedMethod) {
        int modifiers = method.getModifiers();
        String modifier = Modifier.isPrivate(modifiers) ? "private" : Modifier.isStatic(modifiers) ? "static" : null;
        return new Facts(
                describe(method),
                waitFor != null,
                waitFor == null ? 1 : waitFor.timeout(),
                waitFor == null ? ChronoUnit.SECONDS.name() : waitFor.unit().name(),
                runInReactor,
                returns(method.getReturnType()),
                method.getReturnType().getSimpleName(),
                annotatedMethod,
                modifier);
    }

    /**
     * Builds the plan of an intercepted method, checking the rules once more (the first-call fallback).
     *
     * @param method the intercepted method
     * @param waitFor the effective {@code @WaitFor}, or {@code null}
     * @param runInReactor whether {@code @RunInReactor} applies
     * @param forWaitFor whether the plan is for the {@code @WaitFor} interceptor
     * @return the plan
     */
    public static MethodPlan plan(Method method, WaitFor waitFor, boolean runInReactor, boolean forWaitFor) {
        Facts facts = facts(method, waitFor, runInReactor, false);
        List<String> problems = problems(facts);
        String error = problems.isEmpty() ? null : String.join("; ", problems);
        long nanos = 0;
        String text = "";
        if (forWaitFor && waitFor != null && error == null) {
            nanos = timeoutNanos(waitFor.timeout(), waitFor.unit());
            text = describe(waitFor.timeout(), waitFor.unit());
        }
        return new MethodPlan(
                facts.what(),
                forWaitFor,
                facts.returns() == Returns.VOID,
                method.getReturnType().isPrimitive() && method.getReturnType() != void.class,
                nanos,
                text,
                method.getExceptionTypes(),
                error);
    }

    /**
     * Writes a timeout as people read it: {@code 300 ms}, {@code 2 s}, {@code 5 min}.
     *
     * @param amount the amount
     * @param unit its unit
     * @return the text
     */
    public static String describe(long amount, ChronoUnit unit) {
        String symbol =
                switch (unit) {
                    case NANOS -> "ns";
                    case MICROS -> "us";
                    case MILLIS -> "ms";
                    case SECONDS -> "s";
                    case MINUTES -> "min";
                    case HOURS -> "h";
                    case DAYS -> "d";
                    default -> unit.name().toLowerCase(Locale.ROOT);
                };
        return amount + " " + symbol;
    }

    static long timeoutNanos(long timeout, ChronoUnit unit) {
        try {
            return Checks.saturatedNanos(Duration.of(timeout, unit));
        } catch (ArithmeticException e) {
            return Checks.FOREVER_NANOS; // beyond Duration's range: wait "forever"
        }
    }
}

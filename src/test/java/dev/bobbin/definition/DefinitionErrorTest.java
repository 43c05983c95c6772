package dev.bobbin.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.inject.spi.DefinitionException;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bobbin.cdi.BobbinRuntime;
import dev.bobbin.cdi.ReactorBean;
import dev.bobbin.cdi.ResultStoreBean;
import dev.bobbin.cdi.RunInReactorInterceptor;
import dev.bobbin.cdi.WaitForInterceptor;
import dev.bobbin.testing.BobbinWeld;

/** Every misuse is reported at deployment, by booting a real container, with its exact message. */
class DefinitionErrorTest {

    static Stream<Arguments> misuses() {
        String hint = ", the caller would get work it still has to wait for; return the item type and hand the work"
                + " over with WaitFor.Result.from(...)";
        return Stream.of(
                Arguments.of(Invalid.ZeroTimeout.class, "@WaitFor.timeout on ZeroTimeout#call(): must be > 0, was 0"),
                Arguments.of(
                        Invalid.NegativeTimeout.class,
                        "@WaitFor.timeout on NegativeTimeout#call(): must be > 0, was -5"),
                Arguments.of(
                        Invalid.EstimatedUnit.class,
                        "@WaitFor.unit on EstimatedUnit#call(): must be DAYS or finer, was MONTHS (an estimated unit has no exact length)"),
                Arguments.of(Invalid.ReturnsUni.class, "@WaitFor on ReturnsUni#call(): must not return Uni" + hint),
                Arguments.of(
                        Invalid.ReturnsMulti.class, "@WaitFor on ReturnsMulti#call(): must not return Multi" + hint),
                Arguments.of(
                        Invalid.ReturnsCompletionStage.class,
                        "@WaitFor on ReturnsCompletionStage#call(): must not return CompletionStage" + hint),
                Arguments.of(
                        Invalid.ReturnsFuture.class, "@WaitFor on ReturnsFuture#call(): must not return Future" + hint),
                Arguments.of(
                        Invalid.ReturnsCompletableFuture.class,
                        "@WaitFor on ReturnsCompletableFuture#call(String): must not return CompletableFuture" + hint),
                Arguments.of(
                        Invalid.RunInReactorReturnsString.class,
                        "@RunInReactor on RunInReactorReturnsString#call(): must return EventualResult or void, was String;"
                                + " wrap the value with EventualResult.of(value) or EventualResult.from(uni)"),
                Arguments.of(
                        Invalid.ClassLevelRunInReactor.class,
                        "@RunInReactor on ClassLevelRunInReactor#notFine(): must return EventualResult or void, was int;"
                                + " wrap the value with EventualResult.of(value) or EventualResult.from(uni)"),
                Arguments.of(
                        Invalid.Both.class,
                        "@WaitFor and @RunInReactor on Both#call(): a method either blocks its caller or returns at once,"
                                + " not both; keep one"),
                Arguments.of(
                        Invalid.PrivateMethod.class,
                        "@WaitFor on PrivateMethod#call(): must not be private, interceptors never apply to such methods"),
                Arguments.of(
                        Invalid.ViaStereotype.class, "@WaitFor.timeout on ViaStereotype#call(): must be > 0, was 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void misuse_failsTheDeployment_withAnExactMessage(Class<?> bean, String message) {
        Weld weld = BobbinWeld.weld(bean);
        Throwable failure = catchThrowable(weld);
        assertThat(failure).as("the deployment must fail").isNotNull();
        assertThat(messages(failure)).contains(message);
    }

    @Test
    void everyProblemOfABean_isReported() {
        Throwable failure = catchThrowable(BobbinWeld.weld(Invalid.ZeroTimeout.class, Invalid.ReturnsUni.class));
        assertThat(String.join("\n", messages(failure)))
                .contains("ZeroTimeout#call(): must be > 0")
                .contains("ReturnsUni#call(): must not return Uni");
    }

    /** Where a container skipped validation, the interceptor still refuses the call with the same message. */
    @Test
    void withoutDeploymentValidation_theFirstCallFails_withTheSameMessage() {
        Weld weld = new Weld()
                .disableDiscovery()
                .addBeanClasses(
                        BobbinRuntime.class,
                        ReactorBean.class,
                        ResultStoreBean.class,
                        WaitForInterceptor.class,
                        RunInReactorInterceptor.class,
                        Invalid.ZeroTimeout.class);
        try (WeldContainer container = weld.initialize()) {
            Invalid.ZeroTimeout bean =
                    container.select(Invalid.ZeroTimeout.class).get();
            for (int call = 0; call < 2; call++) {
                assertThatThrownBy(bean::call)
                        .isInstanceOf(DefinitionException.class)
                        .hasMessage("@WaitFor.timeout on ZeroTimeout#call(): must be > 0, was 0");
            }
        }
    }

    private static Throwable catchThrowable(Weld weld) {
        try (WeldContainer container = weld.initialize()) {
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** The messages of a failure, its causes and suppressed exceptions (containers nest them). */
    static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        collect(failure, messages, 0);
        return messages;
    }

    private static void collect(Throwable failure, List<String> messages, int depth) {
        if (failure == null || depth > 10) {
            return;
        }
        messages.add(String.valueOf(failure.getMessage()));
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, messages, depth + 1);
        }
        collect(failure.getCause(), messages, depth + 1);
    }
}

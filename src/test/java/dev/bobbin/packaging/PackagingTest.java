package dev.bobbin.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.lite.extension.translator.LiteExtensionTranslator;
import org.junit.jupiter.api.Test;

import dev.bobbin.Reactor;
import dev.bobbin.ResultStore;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import dev.bobbin.cdi.BobbinBuildExtension;
import dev.bobbin.cdi.BobbinRuntime;
import dev.bobbin.testing.BobbinWeld;

/**
 * The jar is no bean archive: its extensions register each Bobbin class exactly once, whether the
 * application's classes are discovered or added explicitly, and whichever extension runs.
 */
class PackagingTest {

    @Test
    void withDiscovery_theExtensionIsLoadedFromTheJar_andEveryBeanExistsOnce() {
        try (WeldContainer container = new Weld(UUID.randomUUID().toString()).initialize()) {
            assertBobbinOnceAndIntercepting(container);
        }
    }

    @Test
    void withoutDiscovery_theExplicitExtension_registersEveryBeanOnce() {
        try (WeldContainer container = BobbinWeld.weld(Greeter.class).initialize()) {
            assertBobbinOnceAndIntercepting(container);
        }
    }

    @Test
    void theBuildCompatibleExtensionAlone_registersEveryBeanOnce() {
        try (WeldContainer container = liteOnly(Greeter.class).initialize()) {
            assertBobbinOnceAndIntercepting(container);
        }
    }

    @Test
    void theBuildCompatibleExtensionAlone_reportsDefinitionErrors() {
        assertThatThrownBy(() ->
                        liteOnly(Greeter.class, BadTimeout.class).initialize().close())
                .satisfies(failure -> assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                        .contains("@WaitFor.timeout on BadTimeout#call(): must be > 0, was 0")));
    }

    /**
     * CDI Lite's path, as Quarkus takes it, on Weld: the build-compatible extension without the portable
     * one. Weld skips every extension annotated {@code @SkipIfPortableExtensionPresent}, whatever is
     * present, so the test runs ours through a delegate without the annotation.
     */
    private static Weld liteOnly(Class<?>... beans) {
        return new Weld(UUID.randomUUID().toString())
                .disableDiscovery()
                .addExtension(new LiteExtensionTranslator(
                        List.of(UnskippedBuildExtension.class), PackagingTest.class.getClassLoader()))
                .addBeanClasses(beans);
    }

    /** {@link BobbinBuildExtension} as CDI Lite runs it (Weld looks for the phase methods on this class). */
    public static class UnskippedBuildExtension implements BuildCompatibleExtension {
        private final BobbinBuildExtension bobbin = new BobbinBuildExtension();

        @Discovery
        public void registerBobbin(ScannedClasses classes) {
            bobbin.registerBobbin(classes);
        }

        @Registration(types = Object.class)
        public void validateAnnotatedMethods(BeanInfo bean, Messages messages) {
            bobbin.validateAnnotatedMethods(bean, messages);
        }
    }

    @Test
    void weldSkipsTheBuildCompatibleExtension_soItNeverDuplicatesThePortableOne() {
        assertThat(BobbinBuildExtension.class
                        .getAnnotation(
                                jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent.class)
                        .value())
                .isEqualTo(dev.bobbin.cdi.BobbinExtension.class);
        assertThat(UnskippedBuildExtension.class.isAnnotationPresent(
                        jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent.class))
                .isFalse();
    }

    private static void assertBobbinOnceAndIntercepting(WeldContainer container) {
        BeanManager beans = container.getBeanManager();
        assertThat(beans.getBeans(Reactor.class)).hasSize(1);
        assertThat(beans.getBeans(ResultStore.class)).hasSize(1);
        assertThat(beans.getBeans(BobbinRuntime.class)).hasSize(1);
        assertThat(beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, WaitForLiteral.INSTANCE))
                .hasSize(1);
        assertThat(beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, RunInReactorLiteral.INSTANCE))
                .hasSize(1);
        Greeter greeter = container.select(Greeter.class).get();
        assertThat(greeter.onReactor()).isTrue();
        assertThat(greeter.onReactorLater().await(Duration.ofSeconds(10))).isTrue();
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    @SuppressWarnings("all")
    static final class WaitForLiteral extends jakarta.enterprise.util.AnnotationLiteral<WaitFor> implements WaitFor {
        static final WaitForLiteral INSTANCE = new WaitForLiteral();

        @Override
        public long timeout() {
            return 1;
        }

        @Override
        public java.time.temporal.ChronoUnit unit() {
            return java.time.temporal.ChronoUnit.SECONDS;
        }
    }

    @SuppressWarnings("all")
    static final class RunInReactorLiteral extends jakarta.enterprise.util.AnnotationLiteral<RunInReactor>
            implements RunInReactor {
        static final RunInReactorLiteral INSTANCE = new RunInReactorLiteral();
    }
}

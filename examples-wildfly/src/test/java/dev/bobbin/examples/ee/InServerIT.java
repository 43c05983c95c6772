package dev.bobbin.examples.ee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManageableThread;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;

/** Inside the server: what the reactor thread is and carries, and that Bobbin's beans and interceptors are there once. */
@ExtendWith(ArquillianExtension.class)
class InServerIT {
    @Deployment
    static WebArchive deployment() {
        return Deployments.example("in-server.war").addClass(RequestScopedProbe.class);
    }

    @Inject
    Reactor reactor;

    @Inject
    ResultStore store;

    @Inject
    Greetings greetings;

    @Inject
    RequestScopedProbe requestProbe;

    @Inject
    BeanManager beanManager;

    @Test
    void reactorThread_isMadeByTheServersManagedThreadFactory() {
        Thread thread = reactor.waitFor(Duration.ofSeconds(5), Thread::currentThread);

        assertThat(thread).isInstanceOf(ManageableThread.class);
        assertThat(thread.getName()).startsWith("bobbin-reactor");
        assertThat(thread).isNotSameAs(Thread.currentThread());
        assertThat(reactor.isReactorThread()).isFalse();
    }

    @Test
    void reactorThread_carriesTheDeploymentsClassLoaderJndiAndARequestContext() {
        int callersRequest = requestProbe.number();

        TaskView first = reactor.waitFor(Duration.ofSeconds(5), this::lookAround);
        TaskView second = reactor.waitFor(Duration.ofSeconds(5), this::lookAround);

        assertThat(first.classSeen()).isSameAs(InServerIT.class);
        assertThat(first.executor()).isInstanceOf(ManagedExecutorService.class);
        assertThat(first.requestContextActive()).isTrue();
        assertThat(second.requestContextActive()).isTrue();
        // a fresh request context per task, never the caller's
        assertThat(List.of(first.requestNumber(), second.requestNumber()))
                .doesNotContain(callersRequest)
                .doesNotHaveDuplicates();
    }

    private TaskView lookAround() {
        try {
            Class<?> seen = Thread.currentThread().getContextClassLoader().loadClass(InServerIT.class.getName());
            Object executor = new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
            boolean active = beanManager.getContext(RequestScoped.class).isActive();
            return new TaskView(seen, executor, active, requestProbe.number());
        } catch (ClassNotFoundException | NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    record TaskView(Class<?> classSeen, Object executor, boolean requestContextActive, int requestNumber) {}

    @Test
    void bobbin_isLoadedFromTheWarOnce_andItsInterceptorsApply() {
        // From WEB-INF/lib, by the deployment's own class loader (not a server module, not copied classes).
        assertThat(Reactor.class.getClassLoader()).isSameAs(InServerIT.class.getClassLoader());
        assertThat(Reactor.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString())
                .contains("bobbin-0.1.0-SNAPSHOT.jar");
        assertThat(beanManager.getBeans(Reactor.class)).hasSize(1);
        assertThat(beanManager.getBeans(ResultStore.class)).hasSize(1);
        assertThat(beanManager.resolveInterceptors(InterceptionType.AROUND_INVOKE, new WaitForLiteral()))
                .hasSize(1);
        assertThat(beanManager.resolveInterceptors(InterceptionType.AROUND_INVOKE, new RunInReactorLiteral()))
                .hasSize(1);

        assertThat(greetings.greet("in-server", 0)).startsWith("Hello, in-server (from bobbin-reactor");
    }

    @Test
    void waitFor_afterItsTimeout_throwsNamingTheMethod() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> greetings.greet("late", 30_000))
                .isInstanceOf(ReactorTimeoutException.class)
                .hasMessageContaining("Greetings#greet(");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void stashedResult_isRetrievedOnce() {
        EventualResult<String> result = reactor.runInReactor(() -> EventualResult.of("kept"));
        String id = result.stash();

        assertThat(store.retrieve(id)).containsSame(result);
        assertThat(store.retrieve(id)).isEmpty();
    }

    @SuppressWarnings("all")
    static final class WaitForLiteral extends AnnotationLiteral<WaitFor> implements WaitFor {
        @Override
        public long timeout() {
            return 1;
        }

        @Override
        public ChronoUnit unit() {
            return ChronoUnit.SECONDS;
        }
    }

    @SuppressWarnings("all")
    static final class RunInReactorLiteral extends AnnotationLiteral<RunInReactor> implements RunInReactor {}
}

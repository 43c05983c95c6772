package dev.bobbin.examples.ee;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bobbin.Reactor;

/** Two copies of the example deployed side by side: each has its own reactor thread and its own store. */
@ExtendWith(ArquillianExtension.class)
class TwoWarsIT {
    @Deployment(name = "first")
    static WebArchive first() {
        return Deployments.example("first.war");
    }

    @Deployment(name = "second")
    static WebArchive second() {
        return Deployments.example("second.war");
    }

    @ArquillianResource
    @OperateOnDeployment("first")
    URL first;

    @ArquillianResource
    @OperateOnDeployment("second")
    URL second;

    @Inject
    Reactor reactor;

    @Test
    @OperateOnDeployment("first")
    void first_reactorThreadBelongsToTheFirstWar() throws Exception {
        assertReactorThreadLoadsThisWarsClasses();
    }

    @Test
    @OperateOnDeployment("second")
    void second_reactorThreadBelongsToTheSecondWar() throws Exception {
        assertReactorThreadLoadsThisWarsClasses();
    }

    private void assertReactorThreadLoadsThisWarsClasses() throws Exception {
        ClassLoader loader = reactor.waitFor(
                Duration.ofSeconds(5), () -> Thread.currentThread().getContextClassLoader());
        assertThat(loader.loadClass(TwoWarsIT.class.getName())).isSameAs(TwoWarsIT.class);
    }

    @Test
    @RunAsClient
    void eachWar_hasItsOwnReactorThread() {
        String firstThread = new Http(first).get("api/test/reactor/thread").body();
        String secondThread = new Http(second).get("api/test/reactor/thread").body();

        assertThat(firstThread).startsWith("bobbin-reactor");
        assertThat(secondThread).startsWith("bobbin-reactor").isNotEqualTo(firstThread);
    }

    @Test
    @RunAsClient
    void storesDoNotSeeEachOthersIds() {
        Http one = new Http(first);
        Http two = new Http(second);
        String id = one.get("api/test/reactor/stash").body();

        assertThat(two.get("api/test/reactor/retrieve?id=" + id).body()).isEqualTo("missing");
        assertThat(one.get("api/test/reactor/retrieve?id=" + id).body()).isEqualTo("found");
        assertThat(one.get("api/test/reactor/retrieve?id=" + id).body()).isEqualTo("missing");
    }
}

package dev.bobbin.examples.ee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deployment that fails to start after Bobbin started its reactor must not leave the reactor thread behind. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailedStartIT {
    @Deployment(name = "probe", order = 1)
    static WebArchive probe() {
        return Deployments.probe("failed-start-probe.war");
    }

    @Deployment(name = "broken", managed = false, testable = false, order = 2)
    static WebArchive broken() {
        return Deployments.example("broken.war").addClasses(FailingListener.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    @Order(1)
    @RunAsClient
    void deployingTheBrokenWar_fails() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> deployer.deploy("broken")).isNotNull();
        System.out.println("FailedStartIT: failed deployment took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        try {
            deployer.undeploy("broken");
        } catch (RuntimeException e) {
            // may already be gone
        }
    }

    @Test
    @Order(2)
    @OperateOnDeployment("probe")
    void afterwards_noBobbinThreadIsLeft() {
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
                                .filter(t -> t.getName().startsWith("bobbin-"))
                                .map(t -> t + " " + t.getState()))
                        .isEmpty());
        System.out.println(
                "FailedStartIT: bobbin threads gone after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}

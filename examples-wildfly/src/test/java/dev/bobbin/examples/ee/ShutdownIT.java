package dev.bobbin.examples.ee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploys the example while HTTP callers are blocked in a {@code @WaitFor} method that would wait 60 s:
 * stopping the application must wake them with {@code ReactorStoppedException} as soon as Bobbin learns of the
 * stop (WildFly: at once; Open Liberty: after its {@code servletdestroywaittime}, 3 s in the test server).
 */
@ExtendWith(ArquillianExtension.class)
class ShutdownIT {
    private static final int CALLERS = 3;
    private static final Pattern WOKE = Pattern.compile(Pattern.quote(StalledResource.WOKE) + "(\\S+) at (\\d+)");
    /** Far below the 60 s timeout of {@link Stalled#forever()}. */
    private static final long WAKE_BOUND_MILLIS = 10_000;

    @Deployment(name = "probe", order = 1)
    static WebArchive probe() {
        return Deployments.probe("shutdown-probe.war");
    }

    @Deployment(name = "stopping", managed = false, testable = false, order = 2)
    static WebArchive stopping() {
        return Deployments.example("stopping.war")
                .addClasses(Stalled.class, StalledResource.class, JournalClient.class);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("probe")
    URL probe;

    @Test
    @RunAsClient
    void undeploy_wakesBlockedCallersWithReactorStoppedException() throws Exception {
        Http journal = new Http(probe);
        journal.get("journal?clear");
        deployer.deploy("stopping");
        Http app = new Http(new URL(probe, "/stopping/"));

        List<CompletableFuture<HttpResponse<String>>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(app.getAsync("api/test/stalled"));
        }
        await("callers blocked in @WaitFor")
                .atMost(Duration.ofSeconds(20))
                .until(() -> notes(journal).stream()
                                .filter(StalledResource.WAITING::equals)
                                .count()
                        == CALLERS);

        long undeployStarted = System.currentTimeMillis(); // the server runs on this machine: same clock
        deployer.undeploy("stopping");
        long undeployMillis = System.currentTimeMillis() - undeployStarted;

        await("callers woken")
                .atMost(Duration.ofSeconds(30))
                .until(() -> notes(journal).stream()
                                .filter(note -> note.startsWith(StalledResource.WOKE))
                                .count()
                        == CALLERS);
        List<String> woke = notes(journal).stream()
                .filter(note -> note.startsWith(StalledResource.WOKE))
                .toList();
        List<Long> wokeAfter = new ArrayList<>();
        for (String note : woke) {
            Matcher matcher = WOKE.matcher(note);
            assertThat(matcher.matches()).as(note).isTrue();
            assertThat(matcher.group(1)).isEqualTo("dev.bobbin.ReactorStoppedException");
            wokeAfter.add(Long.parseLong(matcher.group(2)) - undeployStarted);
        }
        System.out.println("ShutdownIT: undeploy took " + undeployMillis + " ms; callers woke after (ms) " + wokeAfter);
        assertThat(wokeAfter).allMatch(millis -> millis < WAKE_BOUND_MILLIS);
        assertThat(undeployMillis).isLessThan(WAKE_BOUND_MILLIS);
        for (CompletableFuture<HttpResponse<String>> caller : callers) {
            // the answer may or may not make it out of a stopping web application; it must not hang
            caller.handle((response, failure) -> null).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> notes(Http journal) {
        String body = journal.get("journal").body();
        return body.isBlank() ? List.of() : Arrays.asList(body.strip().split("\\R"));
    }
}

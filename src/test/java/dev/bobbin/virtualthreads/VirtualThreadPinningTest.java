package dev.bobbin.virtualthreads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Virtual-thread callers: they must not pin a carrier while they wait ({@link PinningProbe}), and the reactor
 * must not spin after their tasks ({@link SpinProbe}). The probes run under the Temurin 25 JDK installed beside
 * the default one ({@code bobbin.jdk25.home}); skipped where it is absent.
 */
class VirtualThreadPinningTest {

    @Test
    void virtualThreadCallers_neverPinTheirCarrier() throws Exception {
        String output = runUnderJdk25(PinningProbe.class);
        Map<String, Long> counts = counts(output);
        assertThat(counts.get("control"))
                .as("the probe can see pinning at all:\n" + output)
                .isPositive();
        assertThat(counts.get("calls")).isEqualTo(64L * 200 * 3);
        assertThat(counts.get("pinned")).as(output).isZero();
        // Virtual waiters park without a timer; the housekeeper wakes them in time for an exact timeout.
        assertThat(counts.get("timeouts")).as(output).isEqualTo(8L);
        assertThat(counts.get("earliestMillis")).as(output).isGreaterThanOrEqualTo(2000L);
        assertThat(counts.get("latestMillis")).as(output).isLessThan(2000L + 5000L);
    }

    @Test
    void reactorDoesNotSpinAfterAVirtualCallersTask() throws Exception {
        String output = runUnderJdk25(SpinProbe.class);
        Map<String, Long> counts = counts(output);
        long platform = counts.get("platformMicros");
        long virtual = counts.get("virtualMicros");
        // 100 idle spins of up to 1 ms after a platform caller's tasks: the probe can see spinning at all.
        assertThat(platform)
                .as("reactor CPU after platform calls, µs:\n" + output)
                .isGreaterThan(10_000L);
        assertThat(virtual * 4)
                .as("reactor CPU after virtual calls, µs, times 4:\n" + output)
                .isLessThan(platform);
    }

    /** Runs {@code probe}'s main under the JDK 25 beside the default one and returns what it printed. */
    private static String runUnderJdk25(Class<?> probe) throws Exception {
        Path java =
                Path.of(System.getProperty("bobbin.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
        assumeTrue(Files.isExecutable(java), "no JDK 25 at " + java + ": virtual-thread callers not checked");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", classPath, probe.getName())
                .redirectErrorStream(true)
                .start();
        String output;
        try {
            assertThat(process.waitFor(3, TimeUnit.MINUTES))
                    .as("probe finished")
                    .isTrue();
        } finally {
            output = read(process);
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, Long> counts(String output) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : output.lines().toList()) {
            List<String> parts = List.of(line.split("="));
            if (parts.size() == 2 && parts.get(1).matches("\\d+")) {
                counts.put(parts.get(0), Long.parseLong(parts.get(1)));
            }
        }
        return counts;
    }
}

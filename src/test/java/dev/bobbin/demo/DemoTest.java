package dev.bobbin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The README's first command must keep working: run the demo and read what it prints. */
class DemoTest {

    @Test
    void theDemo_showsEveryCrochetExample() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            Demo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("quote: ACME 42.17")
                .contains("slow quote: Quotes#fetch(URI): no result within 2 s; the work was cancelled")
                .contains("the HTTP call was cancelled: true")
                .contains("update 3: EURUSD")
                .containsPattern("request 2: retrieved [A-Za-z0-9_-]{22}: 22000 bytes downloaded")
                .contains("gone (one-time ids)");
    }
}

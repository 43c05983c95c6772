package dev.bobbin.examples.quarkus;

/**
 * What a background job produced.
 *
 * @param name the job's name
 * @param outcome its result
 * @param reactorThread the thread its body ran on
 */
public record JobReport(String name, String outcome, String reactorThread) {}

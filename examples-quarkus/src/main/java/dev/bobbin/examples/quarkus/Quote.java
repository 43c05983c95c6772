package dev.bobbin.examples.quarkus;

/**
 * A price fetched by the reactive client, with the threads that took part.
 *
 * @param symbol the ticker
 * @param price the price, as the stub sent it
 * @param reactorThread the thread the {@code @WaitFor} body ran on
 * @param callerThread the thread that called the facade and waited
 */
public record Quote(String symbol, String price, String reactorThread, String callerThread) {

    Quote calledFrom(Thread caller) {
        return new Quote(symbol, price, reactorThread, caller.getName());
    }
}

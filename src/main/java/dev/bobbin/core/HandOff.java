package dev.bobbin.core;

/**
 * The channel through which {@code WaitFor.Result.from(...)} hands asynchronous work from a
 * {@code @WaitFor} body to the interceptor. It is open on the reactor thread only while a {@code @WaitFor}
 * body runs; the one slot per thread is reused, so a hop allocates nothing here.
 */
public final class HandOff {
    private static final ThreadLocal<HandOff> SLOT = ThreadLocal.withInitial(HandOff::new);

    private boolean open;
    private Object handed;

    private HandOff() {}

    /**
     * Hands {@code work} over to the running {@code @WaitFor} call.
     *
     * @param work a {@code Uni} or {@code CompletionStage}
     * @param what the argument's name, for messages
     * @param <T> the placeholder type
     * @return {@code null}, the placeholder the body returns
     */
    public static <T> T handOver(Object work, String what) {
        HandOff slot = SLOT.get();
        if (!slot.open) {
            throw Messages.handOverOutsideWaitFor(what);
        }
        Checks.notNull(work, "WaitFor.Result.from(" + what + ")", what);
        if (slot.handed != null) {
            throw Messages.handedOverTwice();
        }
        slot.handed = work;
        return null;
    }

    static HandOff open() {
        HandOff slot = SLOT.get();
        slot.open = true;
        slot.handed = null;
        return slot;
    }

    /** Removes this thread's slot: for threads Bobbin does not own, which outlive the application. */
    static void forget() {
        SLOT.remove();
    }

    Object handedOver() {
        return handed;
    }

    /** Closes the slot and returns what the body handed over, or {@code null}. */
    Object close() {
        Object work = handed;
        handed = null;
        open = false;
        return work;
    }
}

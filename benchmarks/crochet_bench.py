"""Crochet side by side with Bobbin: the same three scenarios, measured on the same machine.

Run with Debian's own interpreter and its python3-crochet package (not a pyenv Python first on PATH):

    /usr/bin/python3 benchmarks/crochet_bench.py [--seconds 2] [--reps 3] [--threads 1,8,64]

Scenarios: a constant @wait_for (the counterpart of @WaitFor returning a constant), and @run_in_reactor
followed by EventualResult.wait() (the counterpart of @RunInReactor + await), each with 1, 8 and 64
caller threads. Every caller loops for --seconds; the aggregate calls per second is printed, one line per
repetition: "crochet <scenario> <threads> <calls/s> <p50 µs>", which benchmarks/run hands to the JMH
suite so that the ratio is computed against Bobbin measured in the same sitting.
"""

import argparse
import statistics
import sys
import threading
import time

from crochet import run_in_reactor, setup, wait_for

setup()

VALUE = 42


@wait_for(timeout=10.0)
def constant():
    return VALUE


@run_in_reactor
def eventual():
    return VALUE


def run_in_reactor_and_wait():
    return eventual().wait(10.0)


SCENARIOS = {"wait_for": constant, "run_in_reactor": run_in_reactor_and_wait}


def measure(call, threads, seconds):
    """Runs `threads` callers for `seconds`; returns (calls per second, median call in µs)."""
    start = threading.Barrier(threads + 1)
    stop = threading.Event()
    counts = [0] * threads
    samples = [[] for _ in range(threads)]

    def caller(index):
        start.wait()
        n = 0
        own = samples[index]
        clock = time.perf_counter_ns
        while not stop.is_set():
            t0 = clock()
            if call() != VALUE:
                raise AssertionError("wrong value")
            if n % 16 == 0:
                own.append((clock() - t0) / 1000.0)
            n += 1
        counts[index] = n

    workers = [threading.Thread(target=caller, args=(i,), daemon=True) for i in range(threads)]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    every = [s for own in samples for s in own]
    return sum(counts) / elapsed, statistics.median(every) if every else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--threads", default="1,8,64")
    args = parser.parse_args()
    thread_counts = [int(t) for t in args.threads.split(",")]
    import crochet
    import twisted

    print(f"# crochet {crochet.__version__}, twisted {twisted.__version__}, python {sys.version.split()[0]}"
          f" ({sys.executable})", file=sys.stderr)
    for name, call in SCENARIOS.items():  # warm up
        measure(call, 1, 0.3)
    for rep in range(args.reps):  # repetitions interleaved, like the JMH forks
        for name, call in SCENARIOS.items():
            for threads in thread_counts:
                calls, p50 = measure(call, threads, args.seconds)
                print(f"crochet {name} {threads} {calls:.1f} {p50:.1f}", flush=True)


if __name__ == "__main__":
    main()

package dev.retrylab.bench;

import dev.retrylab.engine.Simulation;
import dev.retrylab.model.RunRecorder;
import dev.retrylab.model.SimulatedSystem;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What it measures: the heap a simulated client costs in the thundering herd of
 * {@link HerdModel} (1,000,000 clients by default), without histograms (the herd records with
 * {@link RunRecorder#NONE}). The contract is at most 300 bytes per client.
 *
 * <p>How it measures: the live heap is read as the used heap after {@code System.gc()} (three
 * in a row), through {@link java.lang.management.MemoryMXBean}. It is read with nothing built,
 * then with the herd built and not started, then at the moment the most requests are in flight,
 * then after every request has finished (the model's arrays never shrink, so this holds their
 * high-water marks); each reading minus the empty one, divided by the clients, is printed in
 * bytes per client. The moment of the peak is found by a first run of an identical herd that
 * notes the number of events processed when the requests in flight peaked; the simulator is
 * deterministic, so the measured run, stopped after the same number of events, is in the same
 * state.
 *
 * <p>Its error: the difference of two empty readings is printed as the noise. Run it with a
 * compacting collector that counts bytes, not regions ({@code -XX:+UseSerialGC} or
 * {@code -XX:+UseParallelGC}): G1 counts each large array by whole regions, which adds up to one
 * region (1 to 32 MB) per array, several bytes per client on a million clients. With
 * {@code --histogram} it also prints the largest classes of the live heap at the peak, to see
 * where the bytes go.
 *
 * <p>How to run: {@code java -Xmx4g -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar
 * dev.retrylab.bench.HerdMemory [clients] [--histogram]}.
 *
 * <p>What to expect: under 300 bytes per client at every reading: about 8 after building (the
 * strategy streams) and a little over 200 at the peak and after the run.
 */
public final class HerdMemory {

    private static final int HISTOGRAM_LINES = 14;

    private HerdMemory() {
    }

    public static void main(String[] args) throws JMException {
        int clients = HerdModel.CLIENTS;
        boolean histogram = false;
        for (String arg : args) {
            if (arg.equals("--histogram")) {
                histogram = true;
            } else {
                clients = Integer.parseInt(arg);
            }
        }
        StringBuilder collectors = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.append(collectors.length() == 0 ? "" : ", ").append(gc.getName());
        }
        System.out.printf(Locale.ROOT, "herd of %,d clients; collectors: %s; max heap %,d MB%n", clients,
                collectors, Runtime.getRuntime().maxMemory() >> 20);

        long peakEvent = eventOfPeakInFlight(clients);

        long empty = usedAfterGc();
        long emptyAgain = usedAfterGc();
        SimulatedSystem system = HerdModel.build(clients, HerdModel.SEED, RunRecorder.NONE);
        long built = usedAfterGc();
        system.runUntil(0L);
        Simulation sim = system.simulation();
        sim.runWhile(() -> sim.eventsProcessed() < peakEvent);
        long inFlightAtPeak = system.inFlight();
        int pendingAtPeak = sim.pendingEvents();
        long peak = usedAfterGc();
        if (histogram) {
            printHistogram();
        }
        long events = HerdModel.runToCompletion(system) + peakEvent;
        long end = usedAfterGc();
        Reference.reachabilityFence(system);

        System.out.printf(Locale.ROOT, "noise (two empty readings apart): %,d bytes = %.1f bytes per client%n",
                Math.abs(emptyAgain - empty), (double) Math.abs(emptyAgain - empty) / clients);
        report("built, not started", built - empty, clients);
        System.out.printf(Locale.ROOT, "peak: %,d requests in flight, %,d events pending, after %,d events%n",
                inFlightAtPeak, pendingAtPeak, peakEvent);
        report("at the peak in flight", peak - empty, clients);
        report("after the herd (array high-water marks)", end - empty, clients);
        System.out.printf(Locale.ROOT, "events in the whole run: %,d%n", events);
    }

    /** Runs a herd once and returns the events processed when its requests in flight first peaked. */
    private static long eventOfPeakInFlight(int clients) {
        SimulatedSystem probe = HerdModel.build(clients, HerdModel.SEED, RunRecorder.NONE);
        probe.runUntil(0L);
        Simulation sim = probe.simulation();
        long[] best = {probe.inFlight(), sim.eventsProcessed()};
        sim.runWhile(() -> {
            long inFlight = probe.inFlight();
            if (inFlight > best[0]) {
                best[0] = inFlight;
                best[1] = sim.eventsProcessed();
            }
            return true;
        });
        return best[1];
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void report(String when, long bytes, int clients) {
        System.out.printf(Locale.ROOT, "%-42s %,13d bytes = %6.1f bytes per client%n", when + ":", bytes,
                (double) bytes / clients);
    }

    private static void printHistogram() throws JMException {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String[] lines = text.split("\n");
        System.out.println("live heap at the peak, largest classes:");
        for (int i = 0; i < Math.min(HISTOGRAM_LINES, lines.length); i++) {
            System.out.println(lines[i]);
        }
    }
}

package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.Simulation;
import dev.retrylab.fault.Fault;
import java.util.List;
import java.util.Map;

/**
 * Plays a scenario's faults: switches each on at its start and off at its end on its service.
 * Not thread-safe.
 */
final class FaultTimeline implements EventTarget {

    private static final int START = 0;
    private static final int END = 1;

    private final List<Fault> faults;
    private final ServiceModel[] targets;

    FaultTimeline(List<Fault> faults, Map<String, ServiceModel> services) {
        this.faults = List.copyOf(faults);
        this.targets = new ServiceModel[faults.size()];
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            ServiceModel service = services.get(fault.service());
            if (service == null) {
                throw new IllegalArgumentException("fault '" + fault.label() + "' names service '" + fault.service()
                        + "', which is not defined");
            }
            if (fault.replica() >= service.config().replicas()) {
                throw new IllegalArgumentException("fault '" + fault.label() + "' names replica " + fault.replica()
                        + ", but " + fault.service() + " has " + service.config().replicas());
            }
            targets[i] = service;
        }
    }

    /** Ends are scheduled first, so a fault ending when another starts is gone before the next begins. */
    void schedule(Simulation sim) {
        for (int i = 0; i < faults.size(); i++) {
            sim.scheduleAt(faults.get(i).endNanos(), this, END, i, 0L);
        }
        for (int i = 0; i < faults.size(); i++) {
            sim.scheduleAt(faults.get(i).startNanos(), this, START, i, 0L);
        }
    }

    @Override
    public void onEvent(int kind, int index, long payload) {
        targets[index].fault(faults.get(index), kind == START);
    }
}

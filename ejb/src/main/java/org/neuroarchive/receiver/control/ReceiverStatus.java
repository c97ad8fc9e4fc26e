package org.neuroarchive.receiver.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.neuroarchive.cluster.control.ReceiverReport;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.neuroarchive.dicom.Refusal;

/**
 * What the DICOM receiver is doing: its state (with the reason when it could not start) and its
 * counters since the application started, refusals by reason included.
 */
@ApplicationScoped
public class ReceiverStatus implements ReceiverReport {

    /** Whether the receiver listens. */
    public enum State { STARTING, LISTENING, DISABLED, FAILED, STOPPED }

    /**
     * A snapshot for the API and the screens. {@code tlsPort}: null without TLS. {@code refused}: associations and
     * objects refused; {@code refusedByReason}: the same by reason ({@code unknown-peer}, {@code free-space}…).
     */
    public record View(String state, String message, String aet, String bindAddress, int port, Integer tlsPort,
                       long associations, int activeAssociations, long objectsReceived, long bytesReceived, long failures,
                       long refused, Map<String, Long> refusedByReason, Instant lastReceivedAt) {
    }

    private volatile State state = State.STARTING;
    private volatile String message = "";
    private volatile String aet = "";
    private volatile String bindAddress = "";
    private volatile int port;
    private volatile Integer tlsPort;
    private volatile Instant lastReceivedAt;
    private final AtomicLong associations = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<Refusal.Reason, AtomicLong> refusals = new ConcurrentHashMap<>();

    public void moveTo(State state, String message, String aet, String bindAddress, int port) {
        this.state = state;
        this.message = message == null ? "" : message;
        this.aet = aet;
        this.bindAddress = bindAddress;
        this.port = port;
    }

    /** The TLS port the receiver listens on, or null. */
    public void tlsPort(Integer tlsPort) {
        this.tlsPort = tlsPort;
    }

    /** The receiver's state now. */
    public State state() {
        return state;
    }

    public void stopped() {
        this.state = State.STOPPED;
        this.message = "stopped with the application";
    }

    void associationOpened() {
        associations.incrementAndGet();
        active.incrementAndGet();
    }

    void associationEnded() {
        active.decrementAndGet();
    }

    void received(long size) {
        objects.incrementAndGet();
        bytes.addAndGet(size);
        lastReceivedAt = Instant.now();
    }

    void failed() {
        failures.incrementAndGet();
    }

    void refused(Refusal.Reason reason) {
        refusals.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public String receiverState() {
        return state.name();
    }

    @Override
    public long objectsReceived() {
        return objects.get();
    }

    public View view() {
        Map<String, Long> byReason = new TreeMap<>();
        refusals.forEach((reason, count) -> byReason.put(reason.text(), count.get()));
        long refused = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new View(state.name().toLowerCase(Locale.ROOT), message, aet, bindAddress, port, tlsPort, associations.get(),
                (int) active.get(), objects.get(), bytes.get(), failures.get(), refused, byReason, lastReceivedAt);
    }
}

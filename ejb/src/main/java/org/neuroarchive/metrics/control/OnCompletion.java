package org.neuroarchive.metrics.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a recording when the current transaction has ended, told whether it committed: counters of
 * archive work move only for work that committed, never for a transaction that rolled back (and is
 * tried again). An interposed synchronization, so it runs after the resources have completed; outside
 * a transaction the recording runs at once, as committed.
 */
final class OnCompletion implements Synchronization {

    private static final Logger LOG = Logger.getLogger(OnCompletion.class.getName());

    private final Consumer<Boolean> recording;

    private OnCompletion(Consumer<Boolean> recording) {
        this.recording = recording;
    }

    static void register(TransactionSynchronizationRegistry transactions, Consumer<Boolean> recording) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            recording.accept(true);
            return;
        }
        transactions.registerInterposedSynchronization(new OnCompletion(recording));
    }

    @Override
    public void beforeCompletion() {
        // nothing is known yet
    }

    @Override
    public void afterCompletion(int status) {
        try {
            recording.accept(status == Status.STATUS_COMMITTED);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a metric could not be recorded (the transaction's outcome stands)", e);
        }
    }
}

package org.neuroarchive.archive.control;

import java.time.LocalDateTime;
import org.neuroarchive.config.ImportSettings;

/**
 * The one retry policy of archive requests, for every kind: an archive transaction that rolled back
 * for a reason outside the files (storage, a lock timeout, a deadlock) is tried again after
 * {@code neuroarchive.import.retry-delay-seconds}, doubling with every attempt, at most one hour
 * apart; after {@code neuroarchive.import.max-attempts} attempts the series is given up, visibly, and
 * its files are kept for a person. (A database that cannot be reached is not an attempt: the message
 * goes back to the broker, see FailedDelivery.)
 */
public record RetrySchedule(int maxAttempts, int firstDelaySeconds) {

    static final long MAX_DELAY_SECONDS = 3600;

    public RetrySchedule {
        maxAttempts = Math.max(1, maxAttempts);
        firstDelaySeconds = Math.max(1, firstDelaySeconds);
    }

    public static RetrySchedule of(ImportSettings settings) {
        return new RetrySchedule(settings.maxAttempts(), settings.retryDelaySeconds());
    }

    /** True when the series is given up after {@code attemptsMade} failed attempts. */
    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The pause after {@code attemptsMade} failed attempts (1: the first delay). */
    public long delaySeconds(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 20));
        return Math.min(MAX_DELAY_SECONDS, (long) firstDelaySeconds << doublings);
    }

    /** When the next attempt is due after {@code attemptsMade} failed attempts, or null: none (given up). */
    public LocalDateTime nextAttempt(int attemptsMade, LocalDateTime now) {
        return exhausted(attemptsMade) ? null : now.plusSeconds(delaySeconds(attemptsMade));
    }
}

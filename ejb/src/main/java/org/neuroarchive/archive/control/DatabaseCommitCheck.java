package org.neuroarchive.archive.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.files.CommitCheck;

/**
 * The archive database as the {@link CommitCheck} of file transactions: marks are rows
 * ({@link CommitMarks}). A mark is read after its transaction ended, on a thread of its own: the thread
 * that ran the transaction may still be tied to it (the transaction manager calls the file transaction
 * from there), and a fresh thread gets a connection and a transaction of its own on every server.
 */
@ApplicationScoped
public class DatabaseCommitCheck implements CommitCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseCommitCheck.class.getName());
    /** How long one look may take before it counts as unanswered. */
    private static final int LOOK_SECONDS = 5;

    @Inject
    CommitMarks marks;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService lookers;

    @PostConstruct
    void start() {
        lookers = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        lookers.shutdownNow();
    }

    @Override
    public String mark() {
        return marks.mark();
    }

    @Override
    public Observation observe(String mark) {
        Future<Boolean> look = lookers.submit(() -> marks.present(mark));
        try {
            return look.get(LOOK_SECONDS, TimeUnit.SECONDS) ? Observation.PRESENT : Observation.ABSENT;
        } catch (ExecutionException | TimeoutException e) {
            look.cancel(true);
            LOG.fine(() -> "the database did not tell whether transaction mark " + mark + " is there: " + e);
            return Observation.UNANSWERED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Observation.UNANSWERED;
        }
    }

    @Override
    public void forget(String mark) {
        lookers.execute(() -> {
            try {
                marks.forget(mark);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "transaction mark {0} stays until the next start: {1}", new Object[] {mark, e.toString()});
            }
        });
    }
}

package org.neuroarchive.cluster.control;

/**
 * Work a node leaves unfinished when it is lost (killed, cut off), which another node must finish: one
 * implementation per feature (a CDI bean), called on the one survivor that took the lost node over
 * ({@link NodeRegistry#takeOver}), as the system. The scan of incomingdir and its claims need none: the
 * lease passes them on ({@link ScanLeases}). Messages the lost node had taken are redelivered by the broker.
 */
public interface LostNodeWork {

    /** Finishes or resumes what {@code node} left; a failure is logged, not thrown (the next node start retries). */
    void takeOver(String node);
}

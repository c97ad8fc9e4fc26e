package org.neuroarchive.stats.control;

import java.time.LocalDateTime;

/**
 * One node (server) in {@code GET /api/stats}' {@code nodes}: the series and instances its archive
 * transactions filed (series with at least one new instance, each counted once however many batches
 * brought it in; once per import, global or individual, that filed into it), when its heartbeat was last written,
 * whether it is alive (seen within the node-lost time), whether it scans incomingdir now, and its DICOM
 * receiver's state and objects received since it started. Field names are a contract.
 */
public record NodeStats(String name, long seriesArchived, long instancesArchived, LocalDateTime lastSeen, boolean alive,
                        boolean scanner, LocalDateTime startedAt, String receiver, long objectsReceived) {
}

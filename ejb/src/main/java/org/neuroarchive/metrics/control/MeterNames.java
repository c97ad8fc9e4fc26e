package org.neuroarchive.metrics.control;

/**
 * The names of the application's own meters, as Micrometer names them; the Prometheus text carries
 * them with {@code _} for {@code .} and the unit and {@code _total} suffixes (e.g.
 * {@code neuroarchive_instances_archived_total}). Every meter, the JVM's too, starts with {@link #PREFIX}.
 */
public final class MeterNames {

    public static final String PREFIX = "neuroarchive.";

    public static final String INSTANCES_ARCHIVED = PREFIX + "instances.archived";
    public static final String INSTANCES_DUPLICATE = PREFIX + "instances.duplicate";
    public static final String SERIES_ARCHIVED = PREFIX + "series.archived";
    public static final String SERIES_HELD = PREFIX + "series.held";
    public static final String SERIES_RETRIED = PREFIX + "series.retried";
    public static final String SERIES_FAILED = PREFIX + "series.failed";
    public static final String FILES_QUARANTINED = PREFIX + "files.quarantined";
    public static final String ARCHIVE_TRANSACTION = PREFIX + "archive.transaction";
    public static final String LANDING_TO_QUERYABLE = PREFIX + "landing.to.queryable";
    public static final String UPLOADS = PREFIX + "uploads";
    public static final String UPLOAD_RECEIVED = PREFIX + "upload.received";
    public static final String QUEUE_SERIES = PREFIX + "queue.series";
    public static final String PROBLEM_FILES = PREFIX + "problem.files";
    public static final String INCOMING_WAITING = PREFIX + "incoming.waiting.files";
    public static final String RECEIVER_ASSOCIATIONS = PREFIX + "receiver.associations";
    public static final String RECEIVER_ASSOCIATIONS_ACTIVE = PREFIX + "receiver.associations.active";
    public static final String RECEIVER_OBJECTS = PREFIX + "receiver.objects";
    public static final String RECEIVER_RECEIVED = PREFIX + "receiver.received";

    private MeterNames() {
    }
}

package org.neuroarchive.config;

/**
 * JNDI names of the server resources the application uses. They are declared by the server
 * configuration (server-config/), not inside the EAR, so one EAR runs against H2 and in-VM messaging
 * or MySQL and an external broker.
 */
public final class Resources {

    public static final String DATASOURCE = "java:/jdbc/NeuroArchiveDS";
    public static final String CONNECTION_FACTORY = "java:/jms/neuroarchive/ConnectionFactory";
    public static final String IMPORT_SERIES_QUEUE = "java:/jms/neuroarchive/ImportSeriesQueue";
    /** Parse and archive messages of individual imports. */
    public static final String INDIVIDUAL_IMPORT_QUEUE = "java:/jms/neuroarchive/IndividualImportQueue";

    private Resources() {
    }
}

package org.neuroarchive.config;

/**
 * The server resources the application uses, as resource references in the component environment
 * ({@code java:comp/env/...}). The EAR does not name server resources: the vendor descriptors in the
 * EJB module map each reference to what the server configuration (server-config/) declares, and each
 * server reads only its own descriptor:
 * <ul>
 * <li>WildFly: {@code META-INF/jboss-ejb3.xml} → {@code java:/jdbc/NeuroArchiveDS},
 * {@code java:/jms/neuroarchive/...} (server-config/wildfly);</li>
 * <li>Payara Server: {@code META-INF/glassfish-ejb-jar.xml} → {@code jdbc/NeuroArchiveDS},
 * {@code jms/neuroarchive/...} (server-config/payara; Payara's resource names cannot contain ':').</li>
 * </ul>
 * The message-driven beans get their queues from the same descriptors (activation configuration), and
 * persistence.xml names the data source {@code jdbc/NeuroArchiveDS}, which WildFly reads as
 * {@code java:/jdbc/NeuroArchiveDS}. So one EAR runs against H2 or MySQL, in-VM or external messaging,
 * on either server.
 */
public final class Resources {

    public static final String DATASOURCE = "jdbc/NeuroArchiveDS";
    /** XA: sends join the caller's JTA transaction. */
    public static final String CONNECTION_FACTORY = "jms/neuroarchive/ConnectionFactory";
    /**
     * The archive requests of every entry (one queue, one message-driven bean). Its name is the one it
     * had when it carried only the folder scan's series: server configurations of installed sites
     * declare it, and need no change.
     */
    public static final String ARCHIVE_QUEUE = "jms/neuroarchive/ImportSeriesQueue";
    /**
     * The parse requests of individual imports: long work outside transactions, kept apart so it never
     * holds up archive requests.
     */
    public static final String INDIVIDUAL_IMPORT_QUEUE = "jms/neuroarchive/IndividualImportQueue";

    private Resources() {
    }
}

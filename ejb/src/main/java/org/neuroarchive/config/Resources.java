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
    public static final String IMPORT_SERIES_QUEUE = "jms/neuroarchive/ImportSeriesQueue";
    /** Parse and archive messages of individual imports. */
    public static final String INDIVIDUAL_IMPORT_QUEUE = "jms/neuroarchive/IndividualImportQueue";

    private Resources() {
    }
}

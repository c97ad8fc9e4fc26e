package org.neuroarchive.metrics.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.UnaryOperator;

/**
 * The name of this node, the {@code node} tag of every metric: the transaction node identifier the
 * server is started with ({@code NEUROARCHIVE_TX_NODE_ID}, unique per database, see
 * server-config/wildfly/mysql.cli), else WildFly's {@code jboss.node.name} or Payara's instance name,
 * else the host name.
 */
public final class NodeName {

    static final String FALLBACK = "neuroarchive";

    private NodeName() {
    }

    public static String current() {
        return resolve(System::getenv, System::getProperty);
    }

    /** The name from these environment variables and system properties. */
    static String resolve(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        for (String value : new String[] {environment.apply("NEUROARCHIVE_TX_NODE_ID"),
                properties.apply("jboss.node.name"), properties.apply("com.sun.aas.instanceName")}) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return FALLBACK;
        }
    }
}

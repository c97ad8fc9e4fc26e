package org.neuroarchive.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The name of this node (this server among the servers sharing one database, broker and data folder):
 * the transaction node identifier the server is started with ({@code NEUROARCHIVE_TX_NODE_ID}, unique
 * per database, see server-config/wildfly/mysql.cli), else WildFly's {@code jboss.node.name} or Payara's
 * instance name, else the host name. It tags every metric, names the node in the import log and in
 * {@code /api/stats}, and names this node's folders below the shared data folder, so it is limited to
 * letters, digits, dot, dash and underscore (at most 64): a name given otherwise stops the start-up.
 */
public final class NodeName {

    static final String FALLBACK = "neuroarchive";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private NodeName() {
    }

    public static String current() {
        return resolve(System::getenv, System::getProperty);
    }

    /** Whether {@code name} can name a node. */
    public static boolean valid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * The name from these environment variables and system properties; throws
     * {@link InvalidSettingException} for a configured name that cannot name a node. A host name is made fit.
     */
    static String resolve(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        String[][] sources = {{"NEUROARCHIVE_TX_NODE_ID", environment.apply("NEUROARCHIVE_TX_NODE_ID")},
                {"jboss.node.name", properties.apply("jboss.node.name")},
                {"com.sun.aas.instanceName", properties.apply("com.sun.aas.instanceName")}};
        for (String[] source : sources) {
            String value = source[1];
            if (value != null && !value.isBlank()) {
                if (!valid(value.strip())) {
                    throw new InvalidSettingException(source[0] + " is '" + value.strip() + "': a node name is 1 to 64 letters,"
                            + " digits, '.', '-' or '_', beginning with a letter or digit");
                }
                return value.strip();
            }
        }
        try {
            return fit(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return FALLBACK;
        }
    }

    /** A host name as a node name: other characters become '-', at most 64. */
    static String fit(String hostName) {
        String name = hostName.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[._-]+", "");
        name = name.length() > 64 ? name.substring(0, 64) : name;
        return valid(name) ? name : FALLBACK;
    }
}

import com.sun.messaging.ConnectionConfiguration;
import com.sun.messaging.ConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Tries to log in to an OpenMQ broker with each of the credentials it reads from standard input (one
 * "user:password" a line; passwords never on the command line), as an ordinary JMS client of the
 * domain's broker would, and prints one line for each:
 * "USER accepted", "USER refused: MESSAGE" (the broker refused the credentials: JMSSecurityException)
 * or "USER failed: MESSAGE" (anything else, e.g. no broker at that address).
 * Run with the OpenMQ client of the Payara distribution (Java's single-file source launcher):
 *   java -cp PAYARA_HOME/mq/lib/imq.jar BrokerLogin.java mq://127.0.0.1:PORT < credentials
 * Used by ci-smoke.sh to show that OpenMQ's published default users (admin/admin, guest/guest) are gone.
 */
public class BrokerLogin {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp imq.jar BrokerLogin.java mq://HOST:PORT < user:password lines");
            System.exit(2);
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setProperty(ConnectionConfiguration.imqAddressList, args[0]);
        factory.setProperty(ConnectionConfiguration.imqReconnectEnabled, "false");
        factory.setProperty(ConnectionConfiguration.imqAddressListIterations, "1");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String user = line.substring(0, colon);
            System.out.println(user + " " + attempt(factory, user, line.substring(colon + 1)));
        }
    }

    private static String attempt(ConnectionFactory factory, String user, String password) {
        try (Connection connection = factory.createConnection(user, password)) {
            connection.start();
            return "accepted";
        } catch (JMSSecurityException refused) {
            return "refused: " + oneLine(refused);
        } catch (JMSException | RuntimeException other) {
            return "failed: " + oneLine(other);
        }
    }

    private static String oneLine(Exception e) {
        String text = e.getClass().getSimpleName() + " " + e.getMessage();
        return text.replaceAll("\\s+", " ");
    }
}

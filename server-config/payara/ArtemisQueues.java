import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * Used by ci-smoke.sh on an ActiveMQ Artemis broker: the broker's own view of the application's queues,
 * through its management address (the core client of artemis-ra.rar on the class path).
 *   java -cp 'DIR/*' ArtemisQueues.java tcp://HOST:PORT COMMAND QUEUE...      (user:password on stdin)
 * Commands: "stat" prints, per queue, "QUEUE consumers=N messages=N added=N acked=N"; "pause" and
 * "resume" stop and restart deliveries to its consumers. A refused login prints "refused: ..." and
 * exits 2; any other failure exits 1.
 */
public class ArtemisQueues {

    private static final String[] STATS = {"consumerCount", "messageCount", "messagesAdded", "messagesAcknowledged"};
    private static final String[] LABELS = {"consumers", "messages", "added", "acked"};

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java -cp 'DIR/*' ArtemisQueues.java tcp://HOST:PORT stat|pause|resume QUEUE... (user:password on stdin)");
            System.exit(1);
        }
        String credentials = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        int colon = credentials == null ? -1 : credentials.indexOf(':');
        if (colon < 1) {
            System.err.println("ArtemisQueues: expected user:password on standard input");
            System.exit(1);
        }
        try (ServerLocator locator = ActiveMQClient.createServerLocator(args[0]);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(credentials.substring(0, colon), credentials.substring(colon + 1),
                     false, true, true, false, 1)) {
            ClientRequestor requestor = new ClientRequestor(session, "activemq.management");
            session.start();
            for (int i = 2; i < args.length; i++) {
                System.out.println(run(session, requestor, args[1], args[i]));
            }
        } catch (ActiveMQSecurityException refused) {
            System.out.println("refused: " + refused.getMessage());
            System.exit(2);
        }
    }

    private static String run(ClientSession session, ClientRequestor requestor, String command, String queue) throws Exception {
        if (command.equals("stat")) {
            StringBuilder line = new StringBuilder(queue);
            for (int i = 0; i < STATS.length; i++) {
                ClientMessage request = session.createMessage(false);
                ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, STATS[i]);
                line.append(' ').append(LABELS[i]).append('=').append(answer(requestor.request(request), queue));
            }
            return line.toString();
        }
        if (!command.equals("pause") && !command.equals("resume")) {
            throw new IllegalArgumentException("unknown command " + command + " (stat, pause, resume)");
        }
        ClientMessage request = session.createMessage(false);
        ManagementHelper.putOperationInvocation(request, ResourceNames.QUEUE + queue, command);
        answer(requestor.request(request), queue);
        return queue + " " + command + "d";
    }

    private static Object answer(ClientMessage reply, String queue) throws Exception {
        if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("the broker's management refused the request for " + queue + ": "
                    + (reply == null ? "no answer" : ManagementHelper.getResult(reply)));
        }
        return ManagementHelper.getResult(reply);
    }
}

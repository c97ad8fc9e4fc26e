package org.neuroarchive.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A replicated primary/backup pair of Artemis brokers of a test's own, created by
 * {@code server-config/artemis/create-ha-pair.sh} (the script users run) in {@code dir/primary} and
 * {@code dir/backup}, with the configured broker's user and password: started with the backup in sync,
 * its primary killed (SIGKILL), the backup's takeover awaited, the primary started again (it takes
 * over again once it has caught up, and the backup returns to being a backup).
 */
final class BrokerPair implements AutoCloseable {

    /** The primary is active (Artemis's log). */
    private static final String ACTIVE = "AMQ221007";
    /** A backup has copied its primary's journal and replicates from now on. */
    private static final String SYNCHRONIZED = "AMQ221024";
    /** A backup told the cluster it stands by. */
    private static final String ANNOUNCED = "AMQ221031";
    private static final Duration START = Duration.ofSeconds(90);

    private final Path projectDir;
    private final Path dir;
    private final BrokerProcess primary;
    private final BrokerProcess backup;
    /** Where the backup's output stood when its primary was last killed. */
    private long backupAtKill;

    BrokerPair(Path projectDir, Path dir, int primaryPort, int backupPort) {
        this.projectDir = projectDir;
        this.dir = dir;
        this.primary = new BrokerProcess(projectDir, dir.resolve("primary"), primaryPort);
        this.backup = new BrokerProcess(projectDir, dir.resolve("backup"), backupPort);
    }

    BrokerProcess primary() {
        return primary;
    }

    BrokerProcess backup() {
        return backup;
    }

    /** A new pair (an earlier one in the same folder is deleted first). */
    void create() throws IOException, InterruptedException {
        ServerProcess.deleteTree(dir);
        Path log = dir.resolveSibling(dir.getFileName() + "-create.out");
        ProcessBuilder builder = new ProcessBuilder("bash", projectDir.resolve("server-config/artemis/create-ha-pair.sh").toString(),
                dir.toString());
        builder.environment().put("NEUROARCHIVE_BROKER_PORT", Integer.toString(primary.port()));
        builder.environment().put("NEUROARCHIVE_BROKER_BACKUP_PORT", Integer.toString(backup.port()));
        // the application's credentials are the configured broker's: the test's own server inherits them
        builder.environment().put("NEUROARCHIVE_BROKER_USER", ExternalBackends.brokerUser());
        builder.environment().put("NEUROARCHIVE_BROKER_PASSWORD", ExternalBackends.brokerPassword());
        builder.environment().put("NEUROARCHIVE_BROKER_CLUSTER_PASSWORD", UUID.randomUUID().toString());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Files.createDirectories(dir.getParent());
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("create-ha-pair.sh failed (" + exit + "); see " + log);
        }
    }

    /** Starts the primary, then the backup, and waits until the backup replicates the primary. */
    void start() throws IOException, InterruptedException {
        long from = primary.outputLength();
        primary.start();
        primary.awaitOutput(ACTIVE, from, START);
        awaitBackupInSync(backup);
    }

    /** SIGKILL to the primary: its clients and its backup lose their connections without a word. */
    void killPrimary() throws IOException, InterruptedException {
        backupAtKill = backup.outputLength();
        primary.kill();
    }

    /**
     * Waits until the backup, after its primary was lost, is active and accepts connections; answers how long
     * that took from the call.
     */
    Duration awaitBackupActive(Duration timeout) throws IOException, InterruptedException {
        long begun = System.nanoTime();
        backup.awaitOutput(ACTIVE, backupAtKill, timeout);
        backup.awaitListening(timeout.minusNanos(System.nanoTime() - begun));
        return Duration.ofNanos(System.nanoTime() - begun);
    }

    /**
     * Starts the killed primary again: it finds its backup active, copies the journal back from it and takes
     * over (fail-back), and the backup becomes a backup again; waits for both. Answers how long that took.
     * The backup restarts itself as a backup after giving way (restart-backup), but Artemis 2.56 was seen to
     * stop instead ("AMQ222232: Unable to acquire lock": its own earlier run still held its data folder's lock),
     * its process ending; then it is started again here, as a service manager would.
     */
    Duration restartPrimary() throws IOException, InterruptedException {
        long begun = System.nanoTime();
        long primaryFrom = primary.outputLength();
        long backupFrom = backup.outputLength();
        primary.launch();
        primary.awaitOutput(SYNCHRONIZED, primaryFrom, START);
        primary.awaitOutput(ACTIVE, primaryFrom, START);
        primary.awaitListening(START);
        long deadline = System.nanoTime() + START.toNanos();
        while (!backup.printed(ANNOUNCED, backupFrom)) {
            if (!backup.running()) {
                System.out.println("BrokerPair: the backup stopped after giving way to the primary; starting it again");
                awaitBackupInSync(backup);
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the backup did not replicate the returned primary within " + START + "; see " + backup.log());
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - begun);
    }

    private static void awaitBackupInSync(BrokerProcess broker) throws IOException, InterruptedException {
        long from = broker.outputLength();
        broker.launch();
        broker.awaitOutput(SYNCHRONIZED, from, START);
        broker.awaitOutput(ANNOUNCED, from, START);
    }

    /** The broker that is active now: the primary while it runs, else the backup. */
    BrokerProcess active() {
        return primary.running() && primary.listening() ? primary : backup;
    }

    /** Stops both (a normal stop; the backup first, so that the primary does not fail over to it). */
    @Override
    public void close() throws InterruptedException {
        backup.stop();
        primary.stop();
    }
}

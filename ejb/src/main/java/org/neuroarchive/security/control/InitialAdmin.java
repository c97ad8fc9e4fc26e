package org.neuroarchive.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.config.SecuritySettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.security.entity.Account;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.security.entity.SiteRoles;

/**
 * The first start creates the account {@code admin}: with the password in
 * {@code NEUROARCHIVE_ADMIN_PASSWORD}, or, when that is unset, a random one written to
 * {@code <data>/initial-admin-password} (readable by the server's user only) and printed once in the log.
 * There is no fixed default password. Later starts change nothing.
 */
@Stateless
@PermitAll // start-up only: ApplicationStartup calls it before any request is served
public class InitialAdmin {

    public static final String LOGIN = "admin";
    public static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger LOG = Logger.getLogger("org.neuroarchive.security");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecuritySettings settings;

    @Inject
    StorageLocations locations;

    @Inject
    PasswordHashing hashing;

    @Inject
    AuditTrail audit;

    public void ensure() {
        // several nodes may start together on a new database: the first creates the account, the others
        // wait on this row lock and then find it
        em.createNativeQuery("SELECT name FROM creation_lock WHERE name = 'initial-admin' FOR UPDATE").getResultList();
        if (em.createNamedQuery(Account.COUNT, Long.class).getSingleResult() > 0) {
            return;
        }
        String password;
        String source;
        if (settings.adminPassword().isPresent()) {
            password = settings.adminPassword().get();
            String weakness = PasswordHashing.weakness(password);
            if (weakness != null) {
                throw new IllegalStateException("NEUROARCHIVE_ADMIN_PASSWORD cannot be used: " + weakness);
            }
            source = "the password in NEUROARCHIVE_ADMIN_PASSWORD";
        } else {
            password = random(20);
            Path file = locations.data().resolve(PASSWORD_FILE);
            write(file, password);
            source = "a random password, written to " + file;
            LOG.warning(() -> "\n==================================================================\n"
                    + " First start: log in as '" + LOGIN + "' with the password\n\n    " + password + "\n\n"
                    + " (also in " + file + ", readable by this server's user only).\n"
                    + " Change it after logging in, then delete that file.\n"
                    + "==================================================================");
        }
        Account admin = new Account(LOGIN, "Administrator", "", SiteRoles.of(Roles.ADMIN), Account.Origin.LOCAL);
        admin.setPasswordHash(hashing.hash(password));
        em.persist(admin);
        audit.record(AuditEvent.of(Actor.SYSTEM, "account.create").object("account", LOGIN).detail("first start: " + source));
        LOG.info(() -> "created the account '" + LOGIN + "' with " + source);
    }

    private static void write(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin password to " + file, e);
        }
    }

    static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}

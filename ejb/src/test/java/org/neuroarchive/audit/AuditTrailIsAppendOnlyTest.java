package org.neuroarchive.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neuroarchive.audit.entity.AuditEvent;

/**
 * The application never changes or removes a row of the audit trail: every column of {@link AuditEvent}
 * is written once (not updatable, no setter), and no code of ours updates or deletes audit rows.
 */
class AuditTrailIsAppendOnlyTest {

    private static final Pattern CHANGES_AUDIT_ROWS = Pattern.compile(
            "(update\\s+(auditevent|audit_event)\\b|delete\\s+from\\s+(auditevent|audit_event)\\b|remove\\(\\s*\\w*audit)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyColumnIsWrittenOnce() {
        List<String> updatable = new ArrayList<>();
        for (Field field : AuditEvent.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (!Modifier.isStatic(field.getModifiers()) && (column == null || column.updatable())) {
                updatable.add(field.getName());
            }
        }
        assertEquals(List.of(), updatable, "audit columns that an update could change");
        for (Method method : AuditEvent.class.getDeclaredMethods()) {
            assertTrue(!method.getName().startsWith("set") || !Modifier.isPublic(method.getModifiers()),
                    "a public setter on AuditEvent: " + method.getName());
        }
    }

    @Test
    void noCodeUpdatesOrDeletesAuditRows() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main"), Path.of("../web/src/main"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList()) {
                    String text = Files.readString(file);
                    if (CHANGES_AUDIT_ROWS.matcher(text.toLowerCase(Locale.ROOT)).find()) {
                        offenders.add(file.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "code that changes or removes audit rows");
    }
}

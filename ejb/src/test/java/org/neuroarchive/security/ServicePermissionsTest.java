package org.neuroarchive.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neuroarchive.common.control.Roles;

/**
 * Every enterprise bean of the application declares who may call each of its public methods
 * ({@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll}, on the method or its class), and
 * every message-driven bean and timer runs as {@link Roles#SYSTEM}. The classes are found on disk, not
 * listed here: a new bean without permissions fails the build.
 */
class ServicePermissionsTest {

    @Test
    void everyPublicServiceMethodDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> beans = beans();
        assertTrue(beans.size() > 40, "found only " + beans.size() + " beans: is the class folder right?");
        List<String> missing = new ArrayList<>();
        for (Class<?> bean : beans) {
            boolean classLevel = declares(bean.getAnnotation(RolesAllowed.class), bean.getAnnotation(PermitAll.class),
                    bean.getAnnotation(DenyAll.class));
            for (Method method : bean.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                boolean methodLevel = declares(method.getAnnotation(RolesAllowed.class), method.getAnnotation(PermitAll.class),
                        method.getAnnotation(DenyAll.class));
                if (!classLevel && !methodLevel) {
                    missing.add(bean.getName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "public service methods without @RolesAllowed, @PermitAll or @DenyAll");
    }

    @Test
    void messageDrivenBeansAndTimersRunAsTheSystem() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Class<?> bean : beans()) {
            boolean timer = Arrays.stream(bean.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(Schedule.class));
            if (bean.isAnnotationPresent(MessageDriven.class) || timer) {
                RunAs runAs = bean.getAnnotation(RunAs.class);
                if (runAs == null || !Roles.SYSTEM.equals(runAs.value())) {
                    wrong.add(bean.getName());
                }
            }
        }
        assertEquals(List.of(), wrong, "message-driven beans and timers without @RunAs(\"system\")");
    }

    private static boolean declares(Object... annotations) {
        return Arrays.stream(annotations).anyMatch(a -> a != null);
    }

    static List<Class<?>> beans() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ServicePermissionsTest.class.getClassLoader());
                if (type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                        || type.isAnnotationPresent(MessageDriven.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }
}

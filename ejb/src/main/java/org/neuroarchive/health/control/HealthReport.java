package org.neuroarchive.health.control;

import java.util.List;

/**
 * The answer of a health check, in the shape of MicroProfile Health: {@code UP} when every check is up,
 * else {@code DOWN}, with each check's name and status and nothing else (no message, path or address:
 * the health addresses answer without a login).
 */
public record HealthReport(String status, List<Check> checks) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    /** One check: its name (e.g. {@code database}) and {@link #UP} or {@link #DOWN}. */
    public record Check(String name, String status) {

        public Check {
            if (!name.matches("[a-z][a-z0-9-]*") || !(UP.equals(status) || DOWN.equals(status))) {
                throw new IllegalArgumentException("a check is named in lower case and UP or DOWN: " + name + " " + status);
            }
        }

        public static Check of(String name, boolean up) {
            return new Check(name, up ? UP : DOWN);
        }

        public boolean up() {
            return UP.equals(status);
        }
    }

    public HealthReport {
        checks = List.copyOf(checks);
    }

    /** UP when every check is up (and there is at least one). */
    public static HealthReport of(List<Check> checks) {
        boolean up = !checks.isEmpty() && checks.stream().allMatch(Check::up);
        return new HealthReport(up ? UP : DOWN, checks);
    }

    public boolean up() {
        return UP.equals(status);
    }

    /** The names of the checks that are down, in order. */
    public List<String> failing() {
        return checks.stream().filter(c -> !c.up()).map(Check::name).toList();
    }

    /** The report as JSON: {@code {"status":"UP","checks":[{"name":"database","status":"UP"},...]}}. */
    public String json() {
        StringBuilder json = new StringBuilder("{\"status\":\"").append(status).append("\",\"checks\":[");
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(check.name()).append("\",\"status\":\"")
                    .append(check.status()).append("\"}");
        }
        return json.append("]}").toString();
    }
}

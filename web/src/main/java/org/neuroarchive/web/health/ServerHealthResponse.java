package org.neuroarchive.web.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.neuroarchive.health.control.HealthReport;

/** Our health report as one MicroProfile Health check: up when every check is, each check's status as data. */
final class ServerHealthResponse {

    private ServerHealthResponse() {
    }

    static HealthCheckResponse of(String name, HealthReport report) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name).status(report.up());
        for (HealthReport.Check check : report.checks()) {
            builder.withData(check.name(), check.status());
        }
        return builder.build();
    }
}

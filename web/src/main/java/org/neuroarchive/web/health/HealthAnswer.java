package org.neuroarchive.web.health;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.neuroarchive.health.control.HealthChecks;
import org.neuroarchive.health.control.HealthReport;
import org.neuroarchive.web.security.PublicPaths;

/**
 * {@code GET /api/health/ready} and {@code GET /api/health/live}, without a login (PublicPaths): 200
 * when the server is ready (or alive), else 503, with a MicroProfile Health report that names each
 * check and its status and nothing else. A servlet of its own, beside the JAX-RS application, so that
 * no role check or login applies to it on either server.
 */
@WebServlet({PublicPaths.HEALTH_READY, PublicPaths.HEALTH_LIVE})
public class HealthAnswer extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient HealthChecks checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = PublicPaths.HEALTH_READY.equals(request.getServletPath()) ? checks.ready() : checks.live();
        response.setStatus(report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(report.json());
    }
}

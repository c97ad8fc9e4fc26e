package org.neuroarchive.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.neuroarchive.config.IndividualImportSettings;

/**
 * The upload of the new-import screen goes through the Faces servlet's multipart handling, which the
 * container buffers (parts over 1 MiB in a temporary file) before the application sees a byte. Its
 * limits follow {@code neuroarchive.individual.max-upload-bytes}: web.xml gives the default (20 GiB per
 * file, plus {@link RequestLimits#MULTIPART_ENVELOPE} per request), and where the container lets the
 * application change a declared servlet's registration (WildFly), the configured value replaces it.
 * Payara keeps web.xml's values; {@link RequestLimits} and the upload itself still enforce the
 * configured limit there.
 */
@WebListener
public class FacesUploadLimit implements ServletContextListener {

    static final String FACES_SERVLET = "Faces Servlet";
    private static final Logger LOG = Logger.getLogger("org.neuroarchive.security");
    private static final int IN_MEMORY_BYTES = 1024 * 1024;

    @Inject
    IndividualImportSettings imports;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        long limit = imports.maxUploadBytes(); // at least 1, checked at start-up
        ServletRegistration faces = event.getServletContext().getServletRegistration(FACES_SERVLET);
        if (faces instanceof ServletRegistration.Dynamic dynamic) {
            try {
                dynamic.setMultipartConfig(new MultipartConfigElement("", limit, limit + RequestLimits.MULTIPART_ENVELOPE,
                        IN_MEMORY_BYTES));
                LOG.fine(() -> "uploads on the screens: at most " + limit + " bytes");
                return;
            } catch (IllegalStateException | UnsupportedOperationException notNow) {
                // the container fixed the registration already: web.xml's values stay
            }
        }
        LOG.fine(() -> "uploads on the screens: the container keeps web.xml's multipart limits; "
                + "neuroarchive.individual.max-upload-bytes (" + limit + ") is enforced by the application");
    }
}

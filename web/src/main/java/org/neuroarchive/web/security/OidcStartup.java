package org.neuroarchive.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.neuroarchive.config.OidcSettings;

/** Checks the single sign-on settings at start-up: a wrong value stops the deployment with its reason. */
@WebListener
public class OidcStartup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.security");

    @Inject
    OidcSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String summary = settings.check();
        LOG.info(summary);
    }
}

package org.neuroarchive.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under {@code /neuroarchive/api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}

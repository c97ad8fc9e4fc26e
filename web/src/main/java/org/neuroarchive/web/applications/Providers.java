package org.neuroarchive.web.applications;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuroarchive.web.rest.AccessDeniedMapper;
import org.neuroarchive.web.rest.RequestRejectedMapper;
import org.neuroarchive.web.rest.RoleCheck;
import org.neuroarchive.web.rest.StateChangesTakeJson;
import org.neuroarchive.web.rest.WebApplicationExceptionMapper;

/** The providers both JAX-RS applications share: the role check, the JSON-only state changes, problem+json errors. */
final class Providers {

    private static final List<Class<?>> SHARED = List.of(RoleCheck.class, StateChangesTakeJson.class,
            AccessDeniedMapper.class, RequestRejectedMapper.class, WebApplicationExceptionMapper.class);

    private Providers() {
    }

    /** {@code resources} and the shared providers. */
    static Set<Class<?>> with(Class<?>... resources) {
        Set<Class<?>> classes = new HashSet<>(SHARED);
        classes.addAll(List.of(resources));
        return Set.copyOf(classes);
    }
}

package org.neuroarchive.individual.boundary;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.neuroarchive.individual.control.StalledImports;

/** Once a minute, individual imports that wait in vain for a message are resumed. */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@PermitAll
public class StalledImportsTimer {

    @Inject
    StalledImports stalled;

    @Schedule(hour = "*", minute = "*", second = "30", persistent = false, info = "stalled individual imports")
    void tick() {
        stalled.resumeQuietly();
    }
}

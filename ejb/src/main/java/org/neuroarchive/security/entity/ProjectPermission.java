package org.neuroarchive.security.entity;

/** NiDB's permissions on one project. */
public enum ProjectPermission {
    /** See the project's subjects, studies, series, imports and log lines (patient fields masked). */
    VIEW_DATA,
    /** See patient name, birth date, PatientID and alternate UIDs of the project's subjects. */
    VIEW_PHI,
    /** Archive into the project, release held series into it, change its data. */
    MODIFY_DATA,
    /** Grant others permissions on the project, create API keys for it. */
    PROJECT_ADMIN
}

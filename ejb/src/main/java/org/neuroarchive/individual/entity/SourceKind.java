package org.neuroarchive.individual.entity;

/** Where the files of an individual import come from. */
public enum SourceKind {
    /** Uploaded over HTTP (files or archives) into the import's staging folder. */
    UPLOAD,
    /** A directory or archive on the server, inside the allowed import roots; it is copied, never moved. */
    SERVER_PATH
}

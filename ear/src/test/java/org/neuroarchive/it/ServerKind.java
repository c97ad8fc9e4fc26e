package org.neuroarchive.it;

/** Which application server a test's own server is ({@link OwnServer}). */
enum ServerKind {
    WILDFLY, PAYARA
}

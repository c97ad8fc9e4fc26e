package org.neuroarchive.common.control;

import jakarta.persistence.TypedQuery;

/** Offset/limit paging of list queries: offset at least 0, between 1 and 1,000 rows a page. */
public final class Paging {

    public static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    public static <T> TypedQuery<T> page(TypedQuery<T> query, int offset, int limit) {
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}

package org.neuroarchive.web.rest;

/** The answer of an action that only says what happened ({@code {"status":"queued for another attempt"}}). */
public record ActionStatus(String status) {
}

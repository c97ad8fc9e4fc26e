package org.neuroarchive.search.control;

import java.time.LocalDate;
import java.util.List;

/** A subject as the API shows it. */
public record SubjectView(long id, String uid, String familyUid, String patientName, String sex, LocalDate birthDate,
                          List<String> alternateUids) {
}

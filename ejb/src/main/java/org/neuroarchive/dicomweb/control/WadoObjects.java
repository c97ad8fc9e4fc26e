package org.neuroarchive.dicomweb.control;

import java.nio.file.Path;
import java.util.List;

/**
 * The archived files a WADO-RS request names, in series and instance order, and whether the caller may see
 * their patient data (view-PHI on the project of every one of them).
 */
public record WadoObjects(List<Path> files, boolean phi) {

    public WadoObjects {
        files = List.copyOf(files);
    }
}

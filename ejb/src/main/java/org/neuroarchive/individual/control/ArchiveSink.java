package org.neuroarchive.individual.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the entries of one archive go: checks each entry name against the folder the archive is
 * unpacked into before anything is created for it, then hands it to the {@link StagingFolder}.
 */
final class ArchiveSink {

    private final StagingFolder staging;
    private final Path base;
    private final Budget.Meter meter;

    /** Entries of the archive that {@code meter} charges are unpacked below {@code base}. */
    ArchiveSink(StagingFolder staging, Path base, Budget.Meter meter) {
        this.staging = staging;
        this.base = base;
        this.meter = meter;
    }

    /** Creates the folder of a directory entry. */
    void directory(String entryName) throws UnpackException, IOException {
        Path dir = EntryPaths.resolve(base, entryName, meter.label());
        staging.makeDirectories(dir, EntryPaths.entry(entryName, meter.label()));
    }

    /** Writes a file entry's content, read from {@code in} (not closed). */
    void file(String entryName, InputStream in) throws UnpackException, IOException {
        Path target = EntryPaths.resolve(base, entryName, meter.label());
        if (target.equals(base)) {
            throw refused(entryName, "has no file name");
        }
        staging.write(target.getParent(), target.getFileName().toString(), in, meter);
    }

    /** A refusal of entry {@code entryName}: "entry 'x' in a.zip " + {@code why}. */
    UnpackException refused(String entryName, String why) {
        return new UnpackException(EntryPaths.entry(entryName, meter.label()) + " " + why);
    }
}

package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.config.BackupSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.testing.SyntheticSeries;

/** What happens to a series' files once its archive transaction has committed: thumbnail and backup copy. */
class SeriesFilesAfterCommitTest {

    private static final Path SERIES = ArchiveLayout.seriesDir("S1234ABC", 1, 5);

    @TempDir
    Path data;

    private StorageLocations locations;

    private List<Path> archive(SyntheticSeries series) {
        locations = StorageLocations.under(data);
        List<Path> files = series.writeTo(locations.archive().resolve(SERIES).resolve("dicom"), "i");
        return files.stream().map(f -> locations.archive().relativize(f)).toList();
    }

    @Test
    void thumbPngIsWrittenBesideDicom() throws IOException {
        List<Path> files = archive(SyntheticSeries.mr().size(64, 64).instances(3));

        assertTrue(SeriesThumbnail.in(locations).write(SERIES, files.get(1)));

        Path thumb = locations.archive().resolve(SERIES).resolve("thumb.png");
        assertNotNull(ImageIO.read(thumb.toFile()));
        assertEquals(List.of("dicom", "thumb.png"), namesIn(locations.archive().resolve(SERIES)), "no temporary left");
    }

    @Test
    void anUnrenderableInstanceGivesNoThumbnailAndNoException() throws IOException {
        List<Path> files = archive(SyntheticSeries.mr().withoutPixels().instances(1));

        assertFalse(SeriesThumbnail.in(locations).write(SERIES, files.get(0)));
        assertFalse(SeriesThumbnail.in(locations).write(SERIES, Path.of("S1234ABC/1/5/dicom/vanished.dcm")));

        assertEquals(List.of("dicom"), namesIn(locations.archive().resolve(SERIES)));
    }

    @Test
    void backupCopiesTheNewFilesIntoTheSeriesFolderOfBackupdir() throws IOException {
        List<Path> files = archive(SyntheticSeries.mr().instances(3));
        SeriesBackup backup = SeriesBackup.in(locations, BackupSettings.of(true));

        assertEquals(2, backup.copy(SERIES, files.subList(1, 3)));

        Path target = locations.backup().resolve(SERIES);
        assertEquals(List.of("i-2.dcm", "i-3.dcm"), namesIn(target));
        for (Path file : files.subList(1, 3)) {
            Path copy = target.resolve(file.getFileName());
            assertArrayEquals(Files.readAllBytes(locations.archive().resolve(file)), Files.readAllBytes(copy));
            assertFalse(Files.isSameFile(locations.archive().resolve(file), copy), "a copy, not a link");
        }
    }

    @Test
    void aFailingBackupCopiesWhatItCanAndDoesNotThrow() throws IOException {
        List<Path> files = archive(SyntheticSeries.mr().instances(2));
        SeriesBackup backup = SeriesBackup.in(locations, BackupSettings.of(true));

        int copied = backup.copy(SERIES, List.of(files.get(0), Path.of("S1234ABC/1/5/dicom/vanished.dcm"), files.get(1)));

        assertEquals(2, copied);
        assertEquals(List.of("i-1.dcm", "i-2.dcm"), namesIn(locations.backup().resolve(SERIES)), "no temporary left");
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

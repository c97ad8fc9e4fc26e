package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * The folder scan's quick read of a file's series keys ({@link DicomReader#readGroupingKeys}) answers
 * what the full header read answers: the same keys, or the same refusal with the same reason, for
 * generated files whole and damaged and for every file of the pydicom corpus.
 */
class GroupingKeysTest {

    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private final DicomReader reader = new DicomReader();

    @TempDir
    Path dir;

    @Test
    void readsTheKeysOfAGeneratedSeriesWithoutItsFullHeader() throws Exception {
        SyntheticSeries series = SyntheticSeries.mr().series(7, "BOLD").instances(2);
        Path file = series.writeTo(dir, "mr").get(1);

        GroupingKeys keys = reader.readGroupingKeys(file);

        assertEquals(new GroupingKeys(series.studyInstanceUid(), series.seriesInstanceUid(), 7), keys);
    }

    @Test
    void damagedGeneratedFilesGiveTheKeysOrTheRefusalOfTheFullRead() throws Exception {
        Path whole = SyntheticSeries.mr().size(64, 64).instances(1).writeTo(dir, "mr").get(0);
        byte[] bytes = Files.readAllBytes(whole);
        List<Path> files = new ArrayList<>(List.of(whole));
        for (int length : new int[] {0, 1, 100, 131, 132, 200, 400, 700, bytes.length / 2, bytes.length - 1000}) {
            Path cut = dir.resolve("cut-" + length + ".dcm");
            Files.write(cut, Arrays.copyOf(bytes, length));
            files.add(cut);
        }
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not DICOM at all, but long enough to look at ".repeat(20));
        files.add(text);
        assertEquals(List.of(), differences(files));
    }

    @Test
    void everyFileOfThePydicomCorpusGivesWhatTheFullReadGives() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(CORPUS), "python3-pydicom is not installed");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 100, "the corpus has its files");
        assertEquals(List.of(), differences(files));
    }

    private List<String> differences(List<Path> files) {
        List<String> differences = new ArrayList<>();
        for (Path file : files) {
            String quick = outcome(() -> reader.readGroupingKeys(file).toString());
            String full = outcome(() -> GroupingKeys.of(reader.readHeader(file)).toString());
            if (!quick.equals(full)) {
                differences.add(file.getFileName() + ": quick " + quick + ", full " + full);
            }
        }
        return differences;
    }

    private interface Read {
        String get() throws Exception;
    }

    private static String outcome(Read read) {
        try {
            return read.get();
        } catch (DicomFormatException e) {
            return "refused: " + e.reason();
        } catch (Exception e) {
            return "failed: " + e;
        }
    }
}

package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the pydicom corpus reads as recorded in {@code pydicom-corpus-outcomes.tsv} (see
 * {@link CorpusOutcomes}): the same header, inspection, thumbnail and de-identified copy, or the same
 * refusal. A change of the reading code that changes any of them shows here, file by file.
 */
class PydicomCorpusOutcomesTest {

    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path scratch;

    @Test
    void everyFileReadsAsRecorded() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "python3-pydicom is not installed");
        Map<String, String> expected = recorded();
        Map<String, String> actual = CorpusOutcomes.of(CORPUS, scratch);
        List<String> differences = new ArrayList<>();
        expected.forEach((name, outcome) -> {
            if (actual.containsKey(name) && !outcome.equals(actual.get(name))) {
                differences.add(name + "\n  recorded: " + outcome + "\n  now:      " + actual.get(name));
            }
        });
        assertEquals(List.of(), differences);
        long accepted = actual.entrySet().stream().filter(e -> e.getKey().endsWith(".dcm"))
                .filter(e -> e.getValue().split("\t")[1].startsWith("ok")).count();
        assertEquals(expected.values().stream().filter(v -> v.split("\t")[1].startsWith("ok")).count(),
                actual.values().stream().filter(v -> v.split("\t")[1].startsWith("ok")).count());
        Assumptions.assumeTrue(accepted > 0);
    }

    private static Map<String, String> recorded() throws IOException {
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (InputStream in = PydicomCorpusOutcomesTest.class.getResourceAsStream("pydicom-corpus-outcomes.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    outcomes.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return outcomes;
    }
}

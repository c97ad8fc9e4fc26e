package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import folder {@code import/} with the staging folder {@code files/} and an empty sibling
 * {@code sibling/} that must stay empty; sources (uploads, server folders) are built in {@code uploads/}.
 */
abstract class UnpackerTestBase {

    @TempDir
    Path tmp;

    Path importDir;
    Path files;
    Path sibling;
    Path uploads;

    @BeforeEach
    void folders() throws IOException {
        importDir = tmp.resolve("import");
        files = importDir.resolve("files");
        sibling = Files.createDirectories(importDir.resolve("sibling"));
        uploads = Files.createDirectories(tmp.resolve("uploads"));
    }

    Unpacker unpacker() {
        return new Unpacker(UnpackLimits.defaults(), files);
    }

    Unpacker unpacker(long maxTotalBytes, int maxFiles, long maxRatio) {
        return new Unpacker(new UnpackLimits(maxTotalBytes, maxFiles, maxRatio), files);
    }

    /** Relative paths of everything (files and folders) below the staging folder, with "/" separators. */
    Set<String> staged() throws IOException {
        return listing(files);
    }

    static Set<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Nothing was written beside the staging folder: the import folder holds only files/ and the empty sibling/. */
    void assertNothingOutside() throws IOException {
        assertEquals(Set.of(), listing(sibling), "the sibling folder stays empty");
        Set<String> besideFiles = listing(importDir).stream()
                .filter(p -> !p.equals("files") && !p.startsWith("files/"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("sibling"), besideFiles, "nothing written beside the staging folder");
        Set<String> besideImport = listing(tmp).stream()
                .filter(p -> !p.startsWith("import") && !p.startsWith("uploads"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), besideImport, "nothing written beside the import folder");
    }

    /** No hidden part file remains in the staging folder. */
    void assertNoPartFiles() throws IOException {
        List<String> parts = staged().stream().filter(p -> p.endsWith(".part")).toList();
        assertEquals(List.of(), parts, "part files are deleted when writing fails");
    }

    /** {@code action} is refused with a message containing every one of {@code fragments}. */
    static UnpackException assertRefused(Refusable action, String... fragments) {
        UnpackException refused = assertThrows(UnpackException.class, action::run);
        for (String fragment : fragments) {
            assertTrue(refused.getMessage().contains(fragment),
                    () -> "message '" + refused.getMessage() + "' should contain '" + fragment + "'");
        }
        return refused;
    }

    /** Something that may be refused. */
    interface Refusable {
        void run() throws Exception;
    }
}

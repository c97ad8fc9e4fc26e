package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.individual.control.PathRefusedException.Kind;

class AllowedRootsTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path rootx;
    private Path outside;
    private AllowedRoots allowed;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/a.dcm"), "a");
        rootx = Files.createDirectories(tmp.resolve("rootx"));
        Files.writeString(rootx.resolve("b.dcm"), "b");
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.dcm"), "secret");
        allowed = new AllowedRoots(List.of(root, tmp.resolve("does-not-exist")));
    }

    private static PathRefusedException refused(AllowedRoots roots, String requested, Kind kind, String fragment) {
        PathRefusedException e = assertThrows(PathRefusedException.class, () -> roots.resolve(requested));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' should contain '" + fragment + "'");
        return e;
    }

    @Test
    void acceptsFilesAndFoldersInsideARootAndTheRootItself() throws Exception {
        assertEquals(root.resolve("sub/a.dcm").toRealPath(), allowed.resolve(root + "/sub/a.dcm"));
        assertEquals(root.resolve("sub").toRealPath(), allowed.resolve(root + "/sub/"));
        assertEquals(root.toRealPath(), allowed.resolve(root.toString()));
    }

    @Test
    void refusesBlankAndRelativePaths() {
        refused(allowed, null, Kind.INVALID, "required");
        refused(allowed, "  ", Kind.INVALID, "required");
        refused(allowed, "root/sub/a.dcm", Kind.INVALID, "must be absolute");
        refused(allowed, "~/data", Kind.INVALID, "must be absolute");
    }

    @Test
    void refusesDotDotEvenWhenItWouldStayInside() {
        refused(allowed, root + "/sub/../sub/a.dcm", Kind.INVALID, "'..' is not allowed in a source path");
        refused(allowed, root + "/..", Kind.INVALID, "'..' is not allowed");
        refused(allowed, root + "/sub\\..\\x", Kind.INVALID, "'..' is not allowed");
    }

    @Test
    void acceptsNamesThatMerelyContainTwoDots() throws Exception {
        Path dotted = Files.writeString(root.resolve("a..b.dcm"), "x");

        assertEquals(dotted.toRealPath(), allowed.resolve(dotted.toString()));
    }

    @Test
    void refusesEverythingWhenNoRootIsConfiguredOrNoneExists() {
        refused(new AllowedRoots(List.of()), root + "/sub/a.dcm", Kind.OUTSIDE, "neuroarchive.individual.allowed-roots");
        refused(new AllowedRoots(List.of(tmp.resolve("gone"))), root + "/sub/a.dcm", Kind.OUTSIDE, "disabled");
    }

    @Test
    void refusesPathsOutsideTheRoots() {
        refused(allowed, outside + "/secret.dcm", Kind.OUTSIDE, "is outside the allowed import roots");
        refused(allowed, "/etc/passwd", Kind.OUTSIDE, "outside");
    }

    @Test
    void doesNotRevealWhetherAPathOutsideExists() {
        PathRefusedException existing = refused(allowed, outside + "/secret.dcm", Kind.OUTSIDE, "outside");
        PathRefusedException missing = refused(allowed, outside + "/missing.dcm", Kind.OUTSIDE, "outside");

        assertEquals(existing.getMessage().replace("secret", "missing"), missing.getMessage());
    }

    @Test
    void reportsAMissingPathInsideARootAsNotFound() {
        refused(allowed, root + "/sub/missing.dcm", Kind.NOT_FOUND, "does not exist");
    }

    @Test
    void refusesASymbolicLinkInsideARootPointingOutside() throws Exception {
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("escape.dcm"), outside.resolve("secret.dcm"));

        refused(allowed, root + "/escape/secret.dcm", Kind.OUTSIDE, "resolves outside the allowed import roots");
        refused(allowed, root + "/escape", Kind.OUTSIDE, "resolves outside");
        refused(allowed, root + "/escape.dcm", Kind.OUTSIDE, "resolves outside");
    }

    @Test
    void followsASymbolicLinkThatStaysInside() throws Exception {
        Files.createSymbolicLink(root.resolve("latest"), root.resolve("sub"));

        assertEquals(root.resolve("sub/a.dcm").toRealPath(), allowed.resolve(root + "/latest/a.dcm"));
    }

    @Test
    void comparesPathElementsNotStringPrefixes() {
        refused(allowed, rootx + "/b.dcm", Kind.OUTSIDE, "outside");
        refused(allowed, rootx.toString(), Kind.OUTSIDE, "outside");
    }

    @Test
    void comparesResolvedPathsByElementsToo() throws Exception {
        Files.createSymbolicLink(root.resolve("tox"), rootx);

        refused(allowed, root + "/tox/b.dcm", Kind.OUTSIDE, "resolves outside");
    }

    @Test
    void acceptsPathsThroughARootThatIsASymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("rootlink"), root);
        AllowedRoots viaLink = new AllowedRoots(List.of(link));
        Path real = root.resolve("sub/a.dcm").toRealPath();

        assertEquals(real, viaLink.resolve(link + "/sub/a.dcm"));
        assertEquals(real, viaLink.resolve(real.toString()));
        refused(viaLink, outside + "/secret.dcm", Kind.OUTSIDE, "outside");
    }

    @Test
    void refusesSomethingThatIsNeitherFileNorFolder() throws Exception {
        Path fifo = root.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is available");

        refused(allowed, fifo.toString(), Kind.INVALID, "neither a file nor a folder");
    }
}

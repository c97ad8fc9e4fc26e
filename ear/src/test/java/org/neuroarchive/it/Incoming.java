package org.neuroarchive.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The test server's data directory, and files put into it the way users do. */
final class Incoming {

    static final Path DATA = Path.of(System.getProperty("neuroarchive.it.data-dir"));
    static final Path INCOMING = DATA.resolve("incoming");
    static final Path CLAIMS = DATA.resolve("incoming.claimed");
    static final Path ARCHIVE = DATA.resolve("archive");
    static final Path PROBLEM = DATA.resolve("problem");

    private Incoming() {
    }

    /** The EAR the build produced, as Arquillian deploys it. */
    static EnterpriseArchive builtEar() {
        return ShrinkWrap.create(ZipImporter.class, "neuroarchive.ear")
                .importFrom(new File(System.getProperty("neuroarchive.it.ear")))
                .as(EnterpriseArchive.class);
    }

    /** Copies each file under {@code INCOMING/subfolder} by a rename, already settled (one minute old). */
    static void drop(List<Path> files, String subfolder) throws IOException {
        for (Path file : files) {
            put(file, INCOMING.resolve(subfolder).resolve(file.getFileName()));
        }
    }

    /** Copies {@code source} to {@code target} by writing a hidden temporary file and renaming it. */
    static void put(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(temporary, FileTime.from(Instant.now().minusSeconds(60)));
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The regular files below {@code dir}; entries the server removes during the walk are skipped. */
    static List<Path> filesUnder(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException vanished) {
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }
}

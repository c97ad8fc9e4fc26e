package org.neuroarchive.individual.control;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies a server folder into the staging folder, keeping relative paths and never following a
 * symbolic link: links, special files and unreadable entries are skipped with a note. Files named like
 * archives are unpacked where they lie (their content is not searched for further archives).
 */
final class TreeCopier {

    private final Unpacker unpacker;
    private final StagingFolder staging;
    private final Consumer<String> skip;

    TreeCopier(Unpacker unpacker, StagingFolder staging, Consumer<String> skip) {
        this.unpacker = unpacker;
        this.staging = staging;
        this.skip = skip;
    }

    /** Copies {@code source}: a folder's content, or a single file. */
    void copy(Path source) throws UnpackException, IOException {
        BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()) {
            walk(source, "");
        } else if (attributes.isRegularFile()) {
            file(source, "");
        } else if (attributes.isSymbolicLink()) {
            skip.accept("skipped symbolic link " + source);
        } else {
            throw new UnpackException(source + " is neither a file nor a folder");
        }
    }

    private void walk(Path dir, String relative) throws UnpackException, IOException {
        List<Path> children = list(dir, relative);
        for (Path child : children) {
            String childRelative = join(relative, child.getFileName().toString());
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                skip.accept("skipped " + childRelative + ": it vanished while copying");
                continue;
            }
            if (attributes.isSymbolicLink()) {
                skip.accept("skipped symbolic link " + childRelative);
            } else if (attributes.isDirectory()) {
                directory(child, childRelative);
            } else if (attributes.isRegularFile()) {
                file(child, relative);
            } else {
                skip.accept("skipped special file " + childRelative);
            }
        }
    }

    private void directory(Path dir, String relative) throws UnpackException, IOException {
        if (Files.isSameFile(dir, staging.root())) {
            skip.accept("skipped " + relative + ": it is this import's own folder");
            return;
        }
        staging.makeDirectories(staging.root().resolve(relative), relative);
        walk(dir, relative);
    }

    /** Copies or unpacks {@code file} into the folder {@code parentRelative} of the staging folder. */
    private void file(Path file, String parentRelative) throws UnpackException, IOException {
        String name = EntryPaths.plainName(file.getFileName().toString());
        String relative = join(parentRelative, name);
        if (!Files.isReadable(file)) {
            skip.accept("skipped unreadable file " + relative);
            return;
        }
        Path targetDir = parentRelative.isEmpty() ? staging.root() : staging.root().resolve(parentRelative);
        if (ArchiveFormat.fromName(name) == ArchiveFormat.PLAIN) {
            unpacker.copy(file, name, relative, targetDir);
        } else {
            unpacker.place(file, name, relative, targetDir);
        }
    }

    private List<Path> list(Path dir, String relative) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(children::add);
        } catch (AccessDeniedException e) {
            skip.accept("skipped unreadable folder " + (relative.isEmpty() ? dir.toString() : relative));
        }
        children.sort(null);
        return children;
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}

package org.neuroarchive.individual.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.neuroarchive.individual.control.PathRefusedException.Kind;

/**
 * The server folders an import may read from ({@code neuroarchive.individual.allowed-roots}): a requested
 * path is accepted only when it is absolute, free of {@code ..}, and both as written and after resolving
 * symbolic links inside one root (by path elements: {@code /data/in} does not admit {@code /data/inbox}).
 * Whether a path outside the roots exists is never revealed.
 */
public final class AllowedRoots {

    private record Root(Path configured, Path real) {
    }

    private final List<Root> roots = new ArrayList<>();

    /** The given roots that exist as folders; the others are ignored. */
    public AllowedRoots(List<Path> roots) {
        for (Path root : roots) {
            if (root == null) {
                continue;
            }
            Path configured = root.toAbsolutePath().normalize();
            try {
                Path real = configured.toRealPath();
                if (Files.isDirectory(real)) {
                    this.roots.add(new Root(configured, real));
                }
            } catch (IOException e) {
                // a root that does not exist (yet) admits nothing
            }
        }
    }

    /**
     * The real path of {@code requested}, an existing file or folder inside a root.
     *
     * @throws PathRefusedException INVALID for a blank, relative or {@code ..} path or one neither file
     *                              nor folder; OUTSIDE for a path outside every root (or no roots);
     *                              NOT_FOUND for a path inside a root that does not exist
     */
    public Path resolve(String requested) throws PathRefusedException {
        if (requested == null || requested.isBlank()) {
            throw new PathRefusedException(Kind.INVALID, "a source path is required");
        }
        String shown = "'" + EntryPaths.printable(requested) + "'";
        if (EntryPaths.hasDotDot(requested)) {
            throw new PathRefusedException(Kind.INVALID, "'..' is not allowed in a source path");
        }
        Path path;
        try {
            path = Path.of(requested);
        } catch (InvalidPathException e) {
            throw new PathRefusedException(Kind.INVALID, shown + " is not a valid path");
        }
        if (!path.isAbsolute()) {
            throw new PathRefusedException(Kind.INVALID, "the source path must be absolute: " + shown);
        }
        if (roots.isEmpty()) {
            throw new PathRefusedException(Kind.OUTSIDE, "imports from server paths are disabled until "
                    + "neuroarchive.individual.allowed-roots (NEUROARCHIVE_INDIVIDUAL_ALLOWED_ROOTS) names existing folders");
        }
        Path lexical = path.normalize();
        if (!anyRoot(root -> lexical.startsWith(root.configured()) || lexical.startsWith(root.real()))) {
            throw new PathRefusedException(Kind.OUTSIDE, shown + " is outside the allowed import roots");
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (IOException e) {
            throw new PathRefusedException(Kind.NOT_FOUND, shown + " does not exist or cannot be read");
        }
        if (!anyRoot(root -> real.startsWith(root.real()))) {
            throw new PathRefusedException(Kind.OUTSIDE, shown + " resolves outside the allowed import roots");
        }
        if (!Files.isRegularFile(real) && !Files.isDirectory(real)) {
            throw new PathRefusedException(Kind.INVALID, shown + " is neither a file nor a folder");
        }
        return real;
    }

    private boolean anyRoot(Predicate<Root> test) {
        return roots.stream().anyMatch(test);
    }
}

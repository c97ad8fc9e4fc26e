package org.neuroarchive.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Decodes pixel data that PixelMed has no decoder for here, JPEG-LS and JPEG 2000, with GDCM's
 * {@code gdcmconv --raw} (Debian package {@code libgdcm-tools}): one tool for both encodings, where dcmtk
 * would need {@code dcmdjpls} plus a separate OpenJPEG step for JPEG 2000. The tool runs as a subprocess
 * without a shell, with a time limit, reads the given archived file and writes an uncompressed copy
 * (explicit VR little endian) into a new temporary folder of ours that {@link Decoded#close()} removes.
 */
final class ExternalDecoder {

    /** Where Debian's libgdcm-tools installs the converter. */
    static final Path GDCMCONV = Path.of("/usr/bin/gdcmconv");

    /** How long one file may take (a large multi-frame JPEG 2000 object takes seconds). */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Set<String> SYNTAXES = Set.of(
            "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",  // JPEG-LS lossless, near-lossless
            "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"); // JPEG 2000 lossless, lossy

    private ExternalDecoder() {
    }

    /** Whether pixels of this transfer syntax are decoded with gdcmconv, and gdcmconv is installed. */
    static boolean decodes(String transferSyntaxUid) {
        return SYNTAXES.contains(transferSyntaxUid) && Files.isExecutable(GDCMCONV);
    }

    /** An uncompressed copy of a file, deleted with its folder on close. */
    record Decoded(Path file, Path folder) implements AutoCloseable {
        @Override
        public void close() {
            deleteTree(folder);
        }
    }

    /** Writes an uncompressed copy of {@code file}; the caller closes the answer. */
    static Decoded decode(Path file) throws ThumbnailException {
        Path folder;
        try {
            folder = Files.createTempDirectory("neuroarchive-decode-");
        } catch (IOException e) {
            throw new ThumbnailException("no temporary folder to decode into: " + e.getMessage());
        }
        Decoded decoded = new Decoded(folder.resolve("raw.dcm"), folder);
        try {
            run(file.toAbsolutePath(), decoded.file(), folder.resolve("gdcmconv.log"));
            return decoded;
        } catch (ThumbnailException | RuntimeException e) {
            decoded.close();
            throw e;
        }
    }

    private static void run(Path in, Path out, Path log) throws ThumbnailException {
        // absolute paths: an argument never starts with "-"
        ProcessBuilder builder = new ProcessBuilder(List.of(GDCMCONV.toString(), "--raw", in.toString(), out.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ThumbnailException("gdcmconv could not be started: " + e.getMessage());
        }
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ThumbnailException("gdcmconv did not decode the pixels within " + TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ThumbnailException("interrupted while gdcmconv decoded the pixels");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
            throw new ThumbnailException("gdcmconv could not decode these pixels (exit " + process.exitValue() + ": "
                    + firstLine(log) + ")");
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    private static String firstLine(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> !l.isBlank()).findFirst().map(l -> l.length() > 200 ? l.substring(0, 200) : l)
                    .orElse("no message");
        } catch (IOException | UncheckedIOException e) {
            return "no message";
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary file is not worth a failure
        }
    }
}

package org.neuroarchive.individual.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.neuroarchive.config.IndividualImportSettings;
import org.neuroarchive.dicom.Deidentifier;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.individual.entity.SourceKind;

/**
 * The first step of a parse: the uploaded files or the server path are unpacked (zip, tar, tar.gz,
 * gz) or copied into the import's {@code files/} folder within the configured limits. With
 * {@code anonymize}, they are unpacked into a scratch folder first and only their de-identified
 * copies reach {@code files/}; the originals are deleted. Uploaded originals are deleted once
 * unpacked. A refused archive leaves nothing behind (the caller removes the staging folder).
 */
@ApplicationScoped
public class ImportUnpacking {

    @Inject
    StagingArea staging;

    @Inject
    IndividualImportSettings settings;

    @Inject
    ParseProgress progress;

    /**
     * Unpacks the import's source; answers a summary for the import log. {@code written} is told of
     * every file as soon as it is complete in {@code files/}.
     */
    public String unpack(ParseJob job, Consumer<Path> written) throws UnpackException, IOException, PathRefusedException {
        long id = job.importId();
        Path files = staging.files(id);
        staging.remove(files);
        staging.remove(staging.unpacking(id));
        Path target = job.anonymize() ? staging.unpacking(id) : files;
        Unpacker unpacker = new Unpacker(new UnpackLimits(settings.maxUnpackedBytes(), settings.maxFiles(),
                settings.maxCompressionRatio()), target);
        if (!job.anonymize()) {
            unpacker.onFileWritten(written);
        }
        if (job.sourceKind() == SourceKind.SERVER_PATH) {
            // checked again now: the path may have changed since the import was created
            Path source = new AllowedRoots(settings.allowedRoots()).resolve(job.sourcePath());
            if (Files.isDirectory(source)) {
                unpacker.addTree(source);
            } else {
                unpacker.add(source, source.getFileName().toString());
            }
        } else {
            for (Path upload : uploads(id)) {
                unpacker.add(upload, upload.getFileName().toString());
            }
        }
        String summary = "unpacked " + unpacker.filesWritten() + " files (" + unpacker.bytesWritten() + " bytes)"
                + (unpacker.skipped().isEmpty() ? "" : "; " + String.join("; ", unpacker.skipped()));
        if (job.anonymize()) {
            summary += "; " + anonymize(job, target, files, written);
            staging.remove(target);
        }
        if (job.sourceKind() == SourceKind.UPLOAD) {
            staging.remove(staging.upload(id));
        }
        return summary;
    }

    private List<Path> uploads(long id) throws IOException {
        Path upload = staging.upload(id);
        if (!Files.isDirectory(upload)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(upload, 2)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(java.util.Comparator.comparing((Path p) -> Integer.parseInt(p.getParent().getFileName().toString()))
                            .thenComparing(Path::toString))
                    .toList();
        }
    }

    /** De-identifies every unpacked file into {@code files/}; files that are not DICOM are copied as they are. */
    private String anonymize(ParseJob job, Path from, Path to, Consumer<Path> written) throws IOException {
        Deidentifier deidentifier = new Deidentifier(job.salt());
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int done = 0;
        int notDicom = 0;
        for (Path file : all) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            try {
                deidentifier.deidentify(file, target);
                written.accept(target);
                done++;
            } catch (DicomFormatException notReadable) {
                Files.move(file, target); // listed as unreadable by the parse; never archived
                notDicom++;
            }
            Files.deleteIfExists(file);
            if (done % 50 == 0) {
                progress.progress(job.importId(), job.generation(), 0, "anonymizing file " + (done + notDicom) + " of " + all.size());
            }
        }
        return "anonymized " + done + " files (DICOM PS3.15 basic profile; originals deleted)"
                + (notDicom > 0 ? ", " + notDicom + " files not DICOM" : "");
    }
}

package org.neuroarchive.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every reading path of this package makes of each file of a folder (the pydicom corpus): the
 * header, the inspection, the thumbnail and the de-identified copy, each as "ok" with a fingerprint
 * of the result or as the refusal reason. Comparing two runs shows whether a change to the reading
 * code changed anything for valid or invalid files. Run as a program, it prints one tab-separated
 * line per file (the format of {@code pydicom-corpus-outcomes.tsv}).
 */
final class CorpusOutcomes {

    static final String SALT = "corpus-outcomes";

    private CorpusOutcomes() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/usr/lib/python3/dist-packages/pydicom/data/test_files");
        Path scratch = Files.createTempDirectory("corpus-outcomes");
        of(corpus, scratch).forEach((name, outcome) -> System.out.println(name + "\t" + outcome));
    }

    /** File name (relative to {@code corpus}, with forward slashes) → outcome columns, in path order. */
    static Map<String, String> of(Path corpus, Path scratch) throws IOException {
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (var files = Files.walk(corpus)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = corpus.relativize(file).toString().replace('\\', '/');
                outcomes.put(name, outcome(file, scratch));
            }
        }
        return outcomes;
    }

    static String outcome(Path file, Path scratch) {
        DicomReader reader = new DicomReader();
        String header = attempt(() -> "ok " + fingerprint(reader.readHeader(file).toString()));
        String inspected = attempt(() -> {
            InspectedInstance instance = reader.inspect(file);
            return "ok " + instance.size() + " " + instance.sha256().substring(0, 16) + " "
                    + fingerprint(instance.header().toString());
        });
        String thumbnail = attempt(() -> "ok " + fingerprint(new ThumbnailRenderer().renderPng(file)));
        String deidentified = attempt(() -> {
            Path target = scratch.resolve("deid.dcm");
            new Deidentifier(SALT).deidentify(file, target, "ANON0000000001");
            return "ok " + fingerprint(Files.readAllBytes(target));
        });
        return String.join("\t", header, inspected, thumbnail, deidentified);
    }

    private interface Step {
        String run() throws Exception;
    }

    private static String attempt(Step step) {
        try {
            return step.run();
        } catch (DicomFormatException e) {
            return "refused " + clean(e.reason());
        } catch (ThumbnailException e) {
            return "refused " + clean(e.getMessage());
        } catch (Exception | Error e) {
            return "failed " + clean(e.toString());
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\t\\r\\n]", " ");
    }

    private static String fingerprint(String text) {
        return fingerprint(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

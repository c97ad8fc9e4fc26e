package org.neuroarchive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a benchmark dataset: {@code subjects} × {@code seriesPerSubject} MR series (one study per
 * subject) of {@code instancesPerSeries} instances each (16-bit, 256×256 unless {@code size} says
 * otherwise: {@code 512} or {@code 512x384}, rows × columns), one folder per series, plus
 * {@code problemPercent} % as many problem files mixed into the series folders, in equal parts:
 * empty files, text files, and instances of the series truncated inside their pixel data.
 * Prints {@code <instances> <problem files>}.
 * Usage: GenerateDataset DIR SUBJECTS SERIES_PER_SUBJECT INSTANCES_PER_SERIES [PROBLEM_PERCENT [SIZE]]
 */
public final class GenerateDataset {

    private GenerateDataset() {
    }

    public static void main(String[] args) {
        if (args.length < 4 || args.length > 6) {
            System.err.println("usage: GenerateDataset DIR SUBJECTS SERIES_PER_SUBJECT INSTANCES_PER_SERIES [PROBLEM_PERCENT [SIZE]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int subjects = Integer.parseInt(args[1]);
        int series = Integer.parseInt(args[2]);
        int instances = Integer.parseInt(args[3]);
        double problemPercent = args.length >= 5 ? Double.parseDouble(args[4]) : 0;
        String[] size = (args.length == 6 ? args[5] : "256").split("x", 2);
        int rows = Integer.parseInt(size[0]);
        int columns = Integer.parseInt(size[size.length - 1]);
        int seriesCount = subjects * series;
        int problems = (int) Math.round(seriesCount * instances * problemPercent / 100);

        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        int files = 0;
        int written = 0;
        int seriesIndex = 0;
        for (int s = 1; s <= subjects; s++) {
            SyntheticSeries subject = SyntheticSeries.mr().patient("BENCH-" + run + "-" + s, "Bench^Subject" + s)
                    .study(SyntheticSeries.newUid(), "20260401", "080000", "Benchmark").size(rows, columns);
            for (int n = 1; n <= series; n++, seriesIndex++) {
                Path folder = dir.resolve("s" + s + "-" + n);
                files += subject.series(n, "series " + n).instances(instances).writeTo(folder, "i").size();
                // spread the problem files evenly over the series
                int due = (int) ((long) problems * (seriesIndex + 1) / seriesCount);
                for (; written < due; written++) {
                    writeProblem(written % 3, subject, instances + 1 + written, folder);
                }
            }
        }
        System.out.println(files + " " + written);
    }

    private static void writeProblem(int kind, SyntheticSeries series, int instanceNumber, Path folder) {
        try {
            switch (kind) {
                case 0 -> Files.createFile(folder.resolve("empty-" + instanceNumber + ".dcm"));
                case 1 -> Files.writeString(folder.resolve("notes-" + instanceNumber + ".txt"),
                        "scanner console notes: subject moved during run " + instanceNumber + "\n",
                        StandardCharsets.UTF_8);
                default -> {
                    // an instance of the series whose transfer stopped inside the pixel data
                    List<Path> one = series.instances(1).writeTo(folder.resolve(".partial-" + instanceNumber), "i");
                    byte[] bytes = Files.readAllBytes(one.get(0));
                    Files.write(folder.resolve("truncated-" + instanceNumber + ".dcm"),
                            Arrays.copyOf(bytes, bytes.length * 2 / 3));
                    Files.delete(one.get(0));
                    Files.delete(one.get(0).getParent());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

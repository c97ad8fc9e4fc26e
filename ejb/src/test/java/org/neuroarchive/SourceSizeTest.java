package org.neuroarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the classes small enough to read: no source file of the EJB and web modules over
 * {@value #MOST_LINES_PER_FILE} lines, no method or constructor over {@value #MOST_LINES_PER_METHOD}.
 * Methods are found by the project's formatting (four spaces per level): a member line that ends with
 * a parenthesis and an opening brace, up to the closing brace at the same indentation.
 */
class SourceSizeTest {

    static final int MOST_LINES_PER_FILE = 400;
    static final int MOST_LINES_PER_METHOD = 50;

    private static final Pattern MEMBER_START = Pattern.compile(
            "^( {4}| {8})(?!(if|for|while|switch|try|catch|else|do|synchronized|return|new|class|record|enum|interface)\\b)"
                    + "[^ /*@}].*\\)\\s*(throws [\\w., ]+)?\\s*\\{\\s*$");
    private static final Pattern CONTINUED_SIGNATURE = Pattern.compile("^ {12,}\\S.*\\)\\s*(throws [\\w., ]+)?\\s*\\{\\s*$");

    @Test
    void noFileOrMethodIsTooLong() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../web/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    tooLong.addAll(tooLong(file, Files.readAllLines(file)));
                }
            }
        }
        assertEquals(List.of(), tooLong, "split these into smaller classes or methods");
    }

    /** The two rules must see what they are meant to see. */
    @Test
    void findsALongMethod() {
        List<String> lines = new ArrayList<>(List.of("class A {", "    void run(int x) {"));
        for (int i = 0; i < MOST_LINES_PER_METHOD; i++) {
            lines.add("        x++;");
        }
        lines.add("    }");
        lines.add("}");
        assertEquals(List.of("A.java:2 method of 52 lines"), tooLong(Path.of("A.java"), lines));
    }

    static List<String> tooLong(Path file, List<String> lines) {
        List<String> found = new ArrayList<>();
        if (lines.size() > MOST_LINES_PER_FILE) {
            found.add(file + " has " + lines.size() + " lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int start = i;
            if (CONTINUED_SIGNATURE.matcher(line).matches()) {
                while (start > 0 && lines.get(start).startsWith("            ")) {
                    start--;
                }
                String first = lines.get(start).strip();
                if (start == i || first.endsWith("{") || first.endsWith(";") || first.endsWith("}") || !first.contains("(")
                        || first.startsWith("@") || first.split("\\(")[0].contains("=")) {
                    continue;
                }
            } else if (!MEMBER_START.matcher(line).matches() || line.split("\\(")[0].contains("=")
                    || i > 0 && (lines.get(i - 1).endsWith(",") || lines.get(i - 1).endsWith("("))) {
                continue;
            }
            String indent = lines.get(start).substring(0, lines.get(start).length() - lines.get(start).stripLeading().length());
            if (indent.length() != 4 && indent.length() != 8) {
                continue;
            }
            for (int j = i + 1; j < lines.size(); j++) {
                if (lines.get(j).equals(indent + "}")) {
                    int length = j - start + 1;
                    if (length > MOST_LINES_PER_METHOD) {
                        found.add(file.getFileName() + ":" + (start + 1) + " method of " + length + " lines");
                    }
                    break;
                }
            }
        }
        return found;
    }
}

package org.neuroarchive.web.dicomweb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroarchive.dicomweb.control.StowParts;

class StowMultipartReaderTest {

    private static final String BOUNDARY = "b0undary-XYZ";

    @Test
    void readsEveryPartWhateverSizeTheReadsHave() throws IOException {
        byte[] first = random(200_000, 1); // larger than the reader's buffer
        byte[] second = "\r\n--b0undary-XY almost a boundary, x--b0undary-XYZ not at a line start\r\n-".getBytes(StandardCharsets.ISO_8859_1);
        byte[] third = new byte[0];
        byte[] body = body("preamble text\r\n", "\r\nepilogue, ignored\r\n--" + BOUNDARY + "\r\n", first, second, third);
        for (int chunk : new int[] {1, 2, 3, 7, 13, 17, 4096, 65_536, 1 << 20}) {
            List<StowParts.Part> parts = new ArrayList<>();
            List<byte[]> contents = readAll(new StowMultipartReader(new Chunked(body, chunk), BOUNDARY), parts);
            assertEquals(3, contents.size(), "reads of " + chunk);
            assertArrayEquals(first, contents.get(0), "reads of " + chunk);
            assertArrayEquals(second, contents.get(1), "reads of " + chunk);
            assertArrayEquals(third, contents.get(2), "reads of " + chunk);
            assertEquals("application/dicom", parts.get(0).contentType());
            assertNull(parts.get(2).contentType(), "the third part names no type");
        }
    }

    @Test
    void aBodyMayBeginWithItsFirstBoundaryAndHaveNoEpilogue() throws IOException {
        byte[] content = random(1000, 2);
        byte[] body = body("", "", content);
        List<byte[]> contents = readAll(new StowMultipartReader(new ByteArrayInputStream(body), BOUNDARY), new ArrayList<>());
        assertEquals(1, contents.size());
        assertArrayEquals(content, contents.get(0));
    }

    @Test
    void partHeadersAreReadCaseInsensitivelyWithBlanksAfterTheBoundary() throws IOException {
        String text = "--" + BOUNDARY + "  \t\r\ncontent-TYPE:   application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\n"
                + "Content-Location: x\r\n\r\nDATA\r\n--" + BOUNDARY + "--";
        StowMultipartReader reader = new StowMultipartReader(stream(text), BOUNDARY);
        StowParts.Part part = reader.next();
        assertEquals("application/dicom; transfer-syntax=1.2.840.10008.1.2.1", part.contentType());
        assertEquals("DATA", new String(part.content().readAllBytes(), StandardCharsets.ISO_8859_1));
        assertNull(reader.next());
        assertNull(reader.next(), "stays at the end");
    }

    @Test
    void unreadContentIsSkippedByNext() throws IOException {
        byte[] body = body("", "", random(100_000, 3), "second".getBytes(StandardCharsets.ISO_8859_1));
        StowMultipartReader reader = new StowMultipartReader(new Chunked(body, 999), BOUNDARY);
        StowParts.Part first = reader.next();
        assertEquals(10, first.content().read(new byte[10]));
        StowParts.Part second = reader.next();
        assertEquals(-1, first.content().read(), "the skipped part's stream is over");
        assertEquals("second", new String(second.content().readAllBytes(), StandardCharsets.ISO_8859_1));
        assertNull(reader.next());
    }

    @Test
    void aBodyEndingInsideAPartIsCutOff() throws IOException {
        byte[] whole = body("", "", "whole".getBytes(StandardCharsets.ISO_8859_1), random(5000, 4));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3000);
        StowMultipartReader reader = new StowMultipartReader(new Chunked(cut, 100), BOUNDARY);
        assertEquals("whole", new String(reader.next().content().readAllBytes(), StandardCharsets.ISO_8859_1));
        InputStream second = reader.next().content();
        assertThrows(StowParts.CutOff.class, second::readAllBytes);
    }

    @Test
    void aMissingClosingBoundaryIsCutOff() throws IOException {
        // the last part ends with a delimiter that is never closed
        StowMultipartReader reader = new StowMultipartReader(stream("--" + BOUNDARY + "\r\n\r\none\r\n--" + BOUNDARY), BOUNDARY);
        assertEquals("one", new String(reader.next().content().readAllBytes(), StandardCharsets.ISO_8859_1));
        assertThrows(StowParts.CutOff.class, reader::next);
        // the content runs to the end without any further delimiter
        StowMultipartReader open = new StowMultipartReader(stream("--" + BOUNDARY + "\r\n\r\none and more"), BOUNDARY);
        assertThrows(StowParts.CutOff.class, () -> open.next().content().readAllBytes());
    }

    @Test
    void aBodyWithoutTheBoundaryIsCutOffBeforeAnyPart() {
        StowMultipartReader reader = new StowMultipartReader(stream("just some text, no boundary at all"), BOUNDARY);
        assertThrows(StowParts.CutOff.class, reader::next);
    }

    @Test
    void malformedDelimitersAndEndlessHeadersAreRefused() {
        StowMultipartReader junk = new StowMultipartReader(stream("--" + BOUNDARY + "junk\r\n\r\nx\r\n--" + BOUNDARY + "--"),
                BOUNDARY);
        IOException malformed = assertThrows(IOException.class, junk::next);
        assertTrue(malformed.getMessage().contains("malformed"), malformed.getMessage());
        String endless = "--" + BOUNDARY + "\r\n" + "X-Long: " + "a".repeat(StowMultipartReader.MAX_HEADER_BYTES + 10) + "\r\n\r\n";
        StowMultipartReader headers = new StowMultipartReader(stream(endless), BOUNDARY);
        assertThrows(IOException.class, headers::next);
    }

    private static List<byte[]> readAll(StowMultipartReader reader, List<StowParts.Part> parts) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (StowParts.Part part = reader.next(); part != null; part = reader.next()) {
            parts.add(part);
            contents.add(part.content().readAllBytes());
        }
        return contents;
    }

    /** A body: preamble, the parts (the first two typed application/dicom), the closing delimiter, the epilogue. */
    private static byte[] body(String preamble, String epilogue, byte[]... contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < contents.length; i++) {
            out.writeBytes(((i == 0 ? "" : "\r\n") + "--" + BOUNDARY + "\r\n"
                    + (i < 2 ? "Content-Type: application/dicom\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(contents[i]);
        }
        out.writeBytes(("\r\n--" + BOUNDARY + "--" + epilogue).getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Answers at most {@code chunk} bytes per read, as a network stream may. */
    private static final class Chunked extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int at;

        Chunked(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - at);
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }
}

package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The transfer syntax an archived Part 10 file is encoded in, from its file meta information alone. */
public final class StoredTransferSyntax {

    /** The first tag after the file meta information group: reading stops there. */
    private static final AttributeTag AFTER_META = new AttributeTag(0x0003, 0x0000);

    private StoredTransferSyntax() {
    }

    /** (0002,0010) of {@code file}; empty when the file has no readable meta information. */
    public static Optional<String> of(Path file) {
        AttributeList list = new AttributeList();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            list.read(new DicomInputStream(in), AFTER_META);
        } catch (IOException | DicomException | RuntimeException e) {
            return Optional.empty();
        }
        String uid = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID).replace('\0', ' ').strip();
        return uid.isEmpty() ? Optional.empty() : Optional.of(uid);
    }
}

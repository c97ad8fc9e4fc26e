package org.neuroarchive.archive.control;

import java.nio.file.Path;
import org.neuroarchive.dicom.SameContent;

/**
 * How a file whose SOPInstanceUID is archived already relates to the archived object: the same bytes,
 * the same object in another encoding (a sender that re-encodes on the wire: another transfer syntax,
 * the same attributes and the same decoded pixels), or a conflict. Where the two cannot be shown to
 * be the same (pixels this server cannot decode, an object too large to compare) it is a conflict:
 * the conflict policy then keeps both objects, one of them in problemdir, rather than discard one on
 * a guess.
 *
 * @param kind   which of the three it is
 * @param detail for the import log: what the decision rests on
 */
record KnownInstance(Kind kind, String detail) {

    /** The three outcomes the import log names. */
    enum Kind { IDENTICAL_BYTES, SAME_CONTENT, CONFLICT }

    /**
     * Compares the archived file with the one that arrived: by digest first (cheap), then, when the
     * bytes differ, by content.
     */
    static KnownInstance of(SameContent content, Path archivedFile, String archivedSha256, Path arrivedFile,
                            String arrivedSha256) {
        if (archivedSha256.equals(arrivedSha256)) {
            return new KnownInstance(Kind.IDENTICAL_BYTES, "identical bytes");
        }
        SameContent.Result compared = content.compare(archivedFile, arrivedFile);
        return switch (compared.verdict()) {
            case SAME_CONTENT -> new KnownInstance(Kind.SAME_CONTENT, "same content in another encoding: "
                    + compared.explanation());
            case DIFFERENT -> new KnownInstance(Kind.CONFLICT, compared.explanation());
            case UNDECIDED -> new KnownInstance(Kind.CONFLICT, "not shown to be the same object, so kept as a conflict: "
                    + compared.explanation());
        };
    }
}

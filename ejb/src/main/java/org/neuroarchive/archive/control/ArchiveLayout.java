package org.neuroarchive.archive.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.neuroarchive.dicom.DicomHeader;

/**
 * NiDB's archive layout, which users' scripts depend on:
 * {@code archivedir/<SubjectUID>/<studynum>/<seriesnum>/dicom/} holding files named
 * {@code <UID>_<studynum>_<seriesnum>_<acq 5-digit>_<instance 5-digit>_<acqtime>_<contenttime>_<md5(SOPInstanceUID)>.dcm}.
 */
public final class ArchiveLayout {

    /** NiDB's thumbnail, beside {@code dicom/} in the series folder. */
    public static final String THUMBNAIL = "thumb.png";

    private ArchiveLayout() {
    }

    /** The series folder (holding {@code dicom/}), relative to archivedir or backupdir. */
    public static Path seriesDir(String subjectUid, int studyNum, int seriesNum) {
        return Path.of(subjectUid, Integer.toString(studyNum), Integer.toString(seriesNum));
    }

    /** The thumbnail of a series, relative to archivedir. */
    public static Path thumbnailFile(String subjectUid, int studyNum, int seriesNum) {
        return seriesDir(subjectUid, studyNum, seriesNum).resolve(THUMBNAIL);
    }

    /** The instance file, relative to archivedir. */
    public static Path instanceFile(String subjectUid, int studyNum, int seriesNum, DicomHeader header) {
        return seriesDir(subjectUid, studyNum, seriesNum).resolve("dicom")
                .resolve(fileName(subjectUid, studyNum, seriesNum, header));
    }

    /** The canonical file name of an instance. */
    public static String fileName(String subjectUid, int studyNum, int seriesNum, DicomHeader header) {
        return subjectUid + "_" + studyNum + "_" + seriesNum
                + "_" + fiveDigits(header.acquisitionNumber())
                + "_" + fiveDigits(header.instanceNumber())
                + "_" + digitsOf(header.acquisitionTime())
                + "_" + digitsOf(header.contentTime())
                + "_" + md5Hex(header.sopInstanceUid())
                + ".dcm";
    }

    private static String fiveDigits(Integer number) {
        String value = Integer.toString(number == null || number < 0 ? 0 : number);
        return value.length() >= 5 ? value : "00000".substring(value.length()) + value; // as %05d, without a Formatter
    }

    /** A DICOM time with its separators removed ("10:15:00.25" gives "10150025"); blank gives "0". */
    private static String digitsOf(String time) {
        StringBuilder digits = new StringBuilder(time == null ? 0 : time.length());
        if (time != null) {
            time.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c)); // no regex per file
        }
        return digits.isEmpty() ? "0" : digits.toString();
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}

package org.neuroarchive.dicom;

/**
 * A DICOM file read from end to end: its header, its size and the SHA-256 of its bytes (hex).
 */
public record InspectedInstance(DicomHeader header, long size, String sha256) {
}

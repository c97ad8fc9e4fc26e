package org.neuroarchive.dicom;

import com.pixelmed.dicom.AttributeList;

/**
 * What {@link ElementScan} found. {@code cutAt} is the file offset of the first element PixelMed must
 * not read (a declared length larger than the bytes left, sequences nested too deep, encapsulated pixel
 * data PixelMed would leave half read), -1 when it may read everything; {@code reason} says why.
 * {@code topLevelPixelDataLength} is the value length of a native Pixel Data element of the data set
 * itself (-1: none or encapsulated). {@code simplePixelData} is false when encapsulated pixel data
 * is nested in a sequence or a frame spans more than one fragment: a decoding read of PixelMed would
 * then not follow the fragments the way the scan did. {@code stoppedAt} is the file offset just after the
 * stop tag where the walk (and PixelMed) stopped there, else -1: PixelMed reads nothing beyond it.
 * {@code identity} holds the identifying attributes of the data set the walk decoded on its way (see
 * {@link GroupingKeys}), null when the walk was cut or met none.
 */
record ScanResult(long cutAt, String reason, long topLevelPixelDataLength, boolean simplePixelData, long stoppedAt,
                  AttributeList identity) {

    boolean cut() {
        return cutAt >= 0;
    }
}

package org.neuroarchive.cluster.control;

/** What a node's heartbeat tells of its DICOM receiver (implemented by the receiver's status). */
public interface ReceiverReport {

    /** The receiver's state: LISTENING, DISABLED, FAILED… */
    String receiverState();

    /** Objects this run of the node has received. */
    long objectsReceived();
}

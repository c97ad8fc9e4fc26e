package org.neuroarchive.dicom;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.network.Association;
import com.pixelmed.network.CEchoResponseCommandMessage;
import com.pixelmed.network.CStoreResponseCommandMessage;
import com.pixelmed.network.DicomNetworkException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;

/**
 * One accepted association after PixelMed negotiated it: the receiver's own data transfer loop. It
 * reads PDUs through the {@link PduLimitStream}, answers C-ECHO, writes each C-STORE's data set into an
 * {@link ObjectFile} and hands the complete object to the sink, answering Success (0000), Refused: out
 * of resources (A700: object too large, free-space floor) or Processing failure (0110: the sink could
 * not take it). A release is answered; an abort, a silent peer (read timeout), a PDU over the limit or
 * anything outside the protocol ends the association, and whatever object was incomplete is deleted.
 */
final class StorageAssociation {

    /** What became of the association. */
    record Outcome(boolean released, int objectsStored, String problem) {
    }

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");
    private static final int MAX_COMMAND_BYTES = 65536;
    private static final int PROCESSING_FAILURE = 0x0110;

    private final Association negotiated;
    private final Socket socket;
    private final PduLimitStream in;
    private final OutputStream out;
    private final Path folder;
    private final AssociationInfo info;
    private final ReceiverLimits limits;
    private final StorageListener.Sink sink;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private byte[] body = new byte[0];
    private Store store;
    private int objects;
    private long started;

    /** The C-STORE whose data set is arriving; {@code refused} once it is refused (the rest is discarded). */
    private static final class Store {
        final byte contextId;
        final CommandSet command;
        final String transferSyntaxUid;
        ObjectFile file;
        ObjectRefusedException refused;

        Store(byte contextId, CommandSet command, String transferSyntaxUid) {
            this.contextId = contextId;
            this.command = command;
            this.transferSyntaxUid = transferSyntaxUid;
        }
    }

    StorageAssociation(Association negotiated, Socket socket, PduLimitStream in, Path folder, AssociationInfo info,
                       ReceiverLimits limits, StorageListener.Sink sink) throws IOException {
        this.negotiated = negotiated;
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.folder = folder;
        this.info = info;
        this.limits = limits;
        this.sink = sink;
    }

    Outcome run() {
        try {
            byte[] header = new byte[6];
            while (true) {
                if (in.readNBytes(header, 0, 6) < 6) {
                    return ended("the peer closed the connection");
                }
                int type = header[0] & 0xff;
                int length = (int) Pdus.length(header); // checked by the PduLimitStream
                if (type == Pdus.P_DATA) {
                    if (body.length < length) {
                        body = new byte[length];
                    }
                    if (in.readNBytes(body, 0, length) < length) {
                        return ended("the peer closed the connection inside a PDU");
                    }
                    dataTransfer(length);
                } else if (type == Pdus.RELEASE_RQ) {
                    in.readNBytes(length);
                    send(Pdus.releaseResponse());
                    closeGracefully();
                    return new Outcome(store == null, objects, store == null ? null : "released in the middle of an object");
                } else if (type == Pdus.ABORT) {
                    return ended("aborted by the peer");
                } else {
                    return abort(Pdus.ABORT_UNEXPECTED_PDU, "unexpected PDU type 0x" + Integer.toHexString(type));
                }
            }
        } catch (SocketTimeoutException idle) {
            return abort(Pdus.ABORT_NOT_SPECIFIED, "silent for " + limits.readTimeoutMillis() / 1000.0 + " s: closed");
        } catch (PduTooLargeException tooLarge) {
            sink.refused(new Refusal(info.remoteAddress(), info.callingAet(), info.calledAet(),
                    Refusal.Reason.PDU_TOO_LARGE, tooLarge.getMessage()));
            return abort(Pdus.ABORT_INVALID_PARAMETER, tooLarge.getMessage());
        } catch (PeerProtocolException broken) {
            return abort(Pdus.ABORT_UNEXPECTED_PDU, broken.getMessage());
        } catch (IOException e) {
            return ended("connection broken (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (store != null && store.file != null) {
                store.file.discard();
            }
        }
    }

    private void dataTransfer(int length) throws IOException {
        int at = 0;
        while (at < length) {
            if (at + 6 > length) {
                throw new PeerProtocolException("PDV item header cut short");
            }
            long item = Pdus.getInt(body, at) & 0xffffffffL;
            if (item < 2 || item > length - at - 4) {
                throw new PeerProtocolException("PDV item length " + item + " does not fit its PDU");
            }
            byte contextId = body[at + 4];
            int control = body[at + 5];
            int value = at + 6;
            int valueLength = (int) item - 2;
            if ((control & 1) != 0) {
                commandFragment(contextId, value, valueLength, (control & 2) != 0);
            } else {
                dataFragment(contextId, value, valueLength, (control & 2) != 0);
            }
            at = value + valueLength;
        }
    }

    private void commandFragment(byte contextId, int from, int length, boolean last) throws IOException {
        if (store != null) {
            throw new PeerProtocolException("a command arrived inside a data set");
        }
        if (command.size() + length > MAX_COMMAND_BYTES) {
            throw new PeerProtocolException("command longer than " + MAX_COMMAND_BYTES + " bytes");
        }
        command.write(body, from, length);
        if (!last) {
            return;
        }
        CommandSet request = CommandSet.parse(command.toByteArray());
        command.reset();
        String transferSyntax = transferSyntax(contextId);
        if (request.commandField() == CommandSet.C_ECHO_RQ) {
            respond(contextId, echoResponse(request));
        } else if (request.commandField() == CommandSet.C_STORE_RQ && request.hasDataSet()
                && request.affectedSopClassUid() != null && request.affectedSopInstanceUid() != null) {
            store = new Store(contextId, request, transferSyntax);
            try {
                store.file = ObjectFile.create(folder, ++started, request, transferSyntax,
                        info.callingAet(), limits);
            } catch (ObjectRefusedException refused) {
                store.refused = refused;
            }
        } else {
            throw new PeerProtocolException("unsupported or incomplete command 0x" + Integer.toHexString(request.commandField()));
        }
    }

    private void dataFragment(byte contextId, int from, int length, boolean last) throws IOException {
        if (store == null || contextId != store.contextId) {
            throw new PeerProtocolException("a data set arrived without its C-STORE request");
        }
        if (store.refused == null) {
            try {
                store.file.write(body, from, length);
            } catch (ObjectRefusedException refused) {
                store.refused = refused;
                store.file = null; // deleted
            }
        }
        if (last) {
            finishStore();
        }
    }

    private void finishStore() throws IOException {
        Store done = store;
        store = null;
        int status;
        if (done.refused != null) {
            status = done.refused.status();
            sink.refused(new Refusal(info.remoteAddress(), info.callingAet(), info.calledAet(), done.refused.reason(),
                    done.refused.getMessage()));
        } else {
            Path file = done.file.finish();
            try {
                sink.received(file, info, done.transferSyntaxUid);
                objects++;
                status = 0;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                LOG.fine(() -> "association " + info.number() + ": object not taken: " + e);
                status = PROCESSING_FAILURE;
            }
        }
        respond(done.contextId, storeResponse(done.command, status));
    }

    private String transferSyntax(byte contextId) throws PeerProtocolException {
        try {
            String uid = negotiated.getTransferSyntaxForPresentationContextID(contextId);
            if (uid == null) {
                throw new PeerProtocolException("presentation context " + (contextId & 0xff) + " was not accepted");
            }
            return uid;
        } catch (DicomNetworkException unknown) {
            throw new PeerProtocolException("no presentation context " + (contextId & 0xff));
        }
    }

    private static byte[] echoResponse(CommandSet request) throws IOException {
        try {
            return new CEchoResponseCommandMessage(request.affectedSopClassUid() == null ? "1.2.840.10008.1.1"
                    : request.affectedSopClassUid(), request.messageId(), 0).getBytes();
        } catch (DicomException e) {
            throw new PeerProtocolException("cannot answer the C-ECHO: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] storeResponse(CommandSet request, int status) throws IOException {
        try {
            return new CStoreResponseCommandMessage(request.affectedSopClassUid(), request.affectedSopInstanceUid(),
                    request.messageId(), status).getBytes();
        } catch (DicomException e) {
            throw new PeerProtocolException("cannot answer the C-STORE: " + e.getClass().getSimpleName());
        }
    }

    private void respond(byte contextId, byte[] response) throws IOException {
        send(Pdus.command(contextId, response));
    }

    private void send(byte[] pdu) throws IOException {
        out.write(pdu);
        out.flush();
    }

    private Outcome ended(String problem) {
        return new Outcome(false, objects, problem);
    }

    private Outcome abort(int reason, String problem) {
        try {
            send(Pdus.abort(Pdus.ABORT_PROVIDER, reason));
        } catch (IOException ignored) {
            // the peer is gone already
        }
        return ended(problem);
    }

    /** After the A-RELEASE-RP: a FIN, so that the peer reads the response before the connection closes. */
    private void closeGracefully() throws IOException {
        if (!(socket instanceof SSLSocket)) {
            socket.shutdownOutput();
        }
        socket.close();
    }
}

package org.neuroarchive.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A hand-made DICOM peer on a raw socket, for what no well-behaved tool sends: a request for a
 * Verification association written byte by byte, PDU headers announcing any length, silence. It can
 * connect from any loopback address (127.0.0.2 and so on are loopback too on Linux).
 */
final class RawPeer implements AutoCloseable {

    final Socket socket;

    private RawPeer(Socket socket) {
        this.socket = socket;
    }

    static RawPeer connect(int port, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        return new RawPeer(socket);
    }

    static RawPeer connect(int port) throws IOException {
        return connect(port, "127.0.0.1");
    }

    /**
     * Sends an A-ASSOCIATE-RQ and answers the PDU that comes back (type 2: accepted, 3: rejected), or an
     * empty array when the connection closed instead.
     */
    byte[] associate(String callingAet, String calledAet) throws IOException {
        send(associateRequest(callingAet, calledAet));
        return readPdu();
    }

    byte[] readPdu() throws IOException {
        byte[] header = socket.getInputStream().readNBytes(6);
        if (header.length < 6) {
            return new byte[0];
        }
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.writeBytes(header);
        pdu.writeBytes(socket.getInputStream().readNBytes((int) Pdus.length(header)));
        return pdu.toByteArray();
    }

    /** Result, source and reason of an A-ASSOCIATE-RJ. */
    static java.util.List<Integer> rejection(byte[] pdu) {
        return java.util.List.of(pdu[0] & 0xff, pdu[7] & 0xff, pdu[8] & 0xff, pdu[9] & 0xff);
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Whether the other side closed the connection within {@code time} (whatever it sent before). */
    boolean closedWithin(Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        InputStream in = socket.getInputStream();
        byte[] discard = new byte[8192];
        try {
            while (in.read(discard) >= 0) {
                // an A-ABORT or A-ASSOCIATE-RJ may come first
            }
            return true;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static byte[] pduHeader(int type, long length) {
        return new byte[] {(byte) type, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    static byte[] associateRequest(String callingAet, String calledAet) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(1); // protocol version 1
        body.write(0);
        body.write(0);
        body.writeBytes(aet(calledAet));
        body.writeBytes(aet(callingAet));
        body.writeBytes(new byte[32]);
        body.writeBytes(item(0x10, uid("1.2.840.10008.3.1.1.1"))); // application context
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        context.writeBytes(new byte[] {1, 0, 0, 0});
        context.writeBytes(item(0x30, uid("1.2.840.10008.1.1"))); // Verification
        context.writeBytes(item(0x40, uid("1.2.840.10008.1.2"))); // implicit VR little endian
        body.writeBytes(item(0x20, context.toByteArray()));
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        user.writeBytes(item(0x51, new byte[] {0, 0, 0x40, 0})); // maximum length 16384
        user.writeBytes(item(0x52, uid("1.2.826.0.1.3680043.2.1545.1")));
        body.writeBytes(item(0x50, user.toByteArray()));
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.writeBytes(pduHeader(1, body.size()));
        pdu.writeBytes(body.toByteArray());
        return pdu.toByteArray();
    }

    private static byte[] item(int type, byte[] value) {
        byte[] item = new byte[4 + value.length];
        item[0] = (byte) type;
        item[2] = (byte) (value.length >>> 8);
        item[3] = (byte) value.length;
        System.arraycopy(value, 0, item, 4, value.length);
        return item;
    }

    private static byte[] uid(String uid) {
        return uid.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] aet(String aet) {
        byte[] field = "                ".getBytes(StandardCharsets.US_ASCII);
        byte[] text = aet.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, field, 0, Math.min(16, text.length));
        return field;
    }
}

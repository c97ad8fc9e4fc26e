package org.neuroarchive.dicom;

import com.pixelmed.network.AbstractSyntaxSelectionPolicy;
import com.pixelmed.network.CompositeInstanceStoreAbstractSyntaxSelectionPolicy;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * Which presentation contexts the receiver accepts: every storage SOP class and Verification, each
 * with the first transfer syntax the sender proposed among implicit and explicit little endian,
 * explicit big endian, deflate, JPEG (baseline, extended, lossless), JPEG-LS, JPEG 2000 and RLE.
 * PixelMed's own policies prefer explicit little endian (a sender then has to decompress, or
 * cannot send at all) and leave deflate out; objects are stored in the syntax they arrive in.
 */
final class SenderPreferencePolicy implements PresentationContextSelectionPolicy {

    static final Set<String> ACCEPTED = Set.of(
            "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99",
            "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
            "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
            "1.2.840.10008.1.2.5");
    /** A-ASSOCIATE-AC result: transfer syntaxes not supported. */
    private static final byte NO_TRANSFER_SYNTAX = 4;

    private final AbstractSyntaxSelectionPolicy abstractSyntaxes = new CompositeInstanceStoreAbstractSyntaxSelectionPolicy();

    @Override
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int association, int debugLevel) {
        return applyPresentationContextSelectionPolicy(contexts, association);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // PixelMed's API uses raw lists
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int association) {
        LinkedList selected = abstractSyntaxes.applyAbstractSyntaxSelectionPolicy(contexts, association);
        for (Object o : selected) {
            PresentationContext context = (PresentationContext) o;
            if (context.getResultReason() != 0) {
                continue; // abstract syntax refused
            }
            List<String> proposed = context.getTransferSyntaxUIDs();
            String chosen = proposed.stream().filter(ACCEPTED::contains).findFirst().orElse(null);
            context.newTransferSyntaxUIDs();
            if (chosen == null) {
                context.setResultReason(NO_TRANSFER_SYNTAX);
            } else {
                context.addTransferSyntaxUID(chosen);
            }
        }
        return selected;
    }
}

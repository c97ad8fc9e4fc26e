package org.neuroarchive.importing.control;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The folders of {@code incomingdir/received/} the DICOM receiver files complete objects into, one per
 * configured peer entry, named by the configuration, never by what a peer sends: the entry's AE title
 * made a safe name ({@code any-ae} for {@code *}), followed by {@code =<costcenter>} when the entry names
 * the project its objects go to. The global import files everything found below such a folder into that
 * project; everything else follows the import's usual rules.
 */
public final class ReceivedFolders {

    /** The folder below incomingdir. */
    public static final String RECEIVED = "received";
    private static final String ANY_AET = "any-ae";
    private static final Pattern COSTCENTER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ReceivedFolders() {
    }

    /** The folder name for a peer entry: {@code aet} ({@code null}: any) and optionally a project's cost center. */
    public static String folderName(String aet, String costcenter) {
        String name = aet == null ? ANY_AET : aet.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "_" + name;
        }
        if (costcenter == null) {
            return name;
        }
        if (!COSTCENTER.matcher(costcenter).matches()) {
            throw new IllegalArgumentException("not a cost center: " + costcenter);
        }
        return name + "=" + costcenter;
    }

    /**
     * The cost center a file is to be filed into, from its path relative to incomingdir
     * ({@code received/CT1=123456/…}); {@code null} for every other file.
     */
    public static String costcenter(Path relativeToIncoming) {
        if (relativeToIncoming.getNameCount() < 3 || !relativeToIncoming.getName(0).toString().equals(RECEIVED)) {
            return null;
        }
        String folder = relativeToIncoming.getName(1).toString();
        int equals = folder.lastIndexOf('=');
        if (equals < 0) {
            return null;
        }
        String costcenter = folder.substring(equals + 1);
        return COSTCENTER.matcher(costcenter).matches() ? costcenter : null;
    }
}

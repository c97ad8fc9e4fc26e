package org.neuroarchive.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.search.control.ArchiveBrowser;
import org.neuroarchive.search.control.SeriesSlices;
import org.neuroarchive.search.control.SeriesView;

/**
 * {@code /series?id=…}: one archived series, reached from search, an import and the receiver's list. Shows what
 * {@code GET /api/series/{id}} knows (parameters, validity with the missing InstanceNumbers), the patient name
 * only with the right to view PHI (audited, as on the search screen), and a slice browser over the instances in
 * InstanceNumber order, each rendered by {@code GET /api/series/{id}/instances/{n}/rendered?frame=k}.
 */
@Named("seriesPage")
@RequestScoped
public class SeriesPage {

    @Inject
    ArchiveBrowser browser;

    @Inject
    SeriesSlices slices;

    private Long id;
    private SeriesView series;
    private String patientName;
    private int sliceCount;
    private boolean loaded;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** Looks the series up once per request; a series the caller may not see is not found. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (id == null) {
            return;
        }
        series = browser.series(id).orElse(null);
        if (series != null) {
            patientName = browser.patientName(id).orElse(null);
            sliceCount = slices.count(id).orElse(0);
        }
    }

    public SeriesView getSeries() {
        load();
        return series;
    }

    public String getPatientName() {
        load();
        return patientName;
    }

    public int getSliceCount() {
        load();
        return sliceCount;
    }

    /** The acquisition parameters the series has, named for people. */
    public List<ParameterList.Parameter> getParameters() {
        return getSeries() == null ? List.of() : ParameterList.of(getSeries().parameters());
    }

    /** The slice shown first: the middle one, as the thumbnail. */
    public int getFirstSlice() {
        return Math.max(1, (getSliceCount() + 1) / 2);
    }

    /** The missing InstanceNumbers as ranges ({@code 3, 5-6}), as many as the API lists. */
    public String getMissingText() {
        SeriesView s = getSeries();
        return s == null || s.missingInstanceNumbers() == null ? "" : ranges(s.missingInstanceNumbers());
    }

    /** Whether fewer numbers are listed than are missing. */
    public boolean isMissingShortened() {
        SeriesView s = getSeries();
        return s != null && s.missingInstanceNumbers() != null && s.missingInstanceCount() != null
                && s.missingInstanceNumbers().size() < s.missingInstanceCount();
    }

    static String ranges(List<Integer> numbers) {
        List<String> ranges = new ArrayList<>();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            ranges.add(i == j ? numbers.get(i).toString() : numbers.get(i) + "-" + numbers.get(j));
            i = j + 1;
        }
        return String.join(", ", ranges);
    }
}

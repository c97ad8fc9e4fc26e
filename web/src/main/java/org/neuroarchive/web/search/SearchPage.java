package org.neuroarchive.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.neuroarchive.search.control.ArchiveSearch;

/**
 * {@code /search}: subjects by UID, alternate UID or name; studies by date range and modality;
 * series by protocol or description. Results list subject → study → series with {@code thumb.png}.
 * The criteria travel in the URL, so a search can be bookmarked.
 */
@Named("searchPage")
@RequestScoped
public class SearchPage {

    @Inject
    ArchiveSearch search;

    private String subject;
    private LocalDate from;
    private LocalDate to;
    private String modality;
    private String series;
    private List<ArchiveSearch.Hit> hits;

    public boolean isSearched() {
        return present(subject) || from != null || to != null || present(modality) || present(series);
    }

    public List<ArchiveSearch.Hit> getHits() {
        if (hits == null) {
            hits = isSearched() ? search.find(new ArchiveSearch.Criteria(subject, from, to, modality, series)) : List.of();
        }
        return hits;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public String getSeries() {
        return series;
    }

    public void setSeries(String series) {
        this.series = series;
    }
}

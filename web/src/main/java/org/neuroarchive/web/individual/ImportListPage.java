package org.neuroarchive.web.individual;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.neuroarchive.individual.control.ImportQueries;
import org.neuroarchive.individual.control.ImportViews;

/** {@code /imports}: recent individual imports with their status and progress. */
@Named("importList")
@RequestScoped
public class ImportListPage {

    @Inject
    ImportQueries queries;

    private List<ImportViews.Summary> imports;

    public List<ImportViews.Summary> getImports() {
        if (imports == null) {
            imports = queries.list(0, 100);
        }
        return imports;
    }
}

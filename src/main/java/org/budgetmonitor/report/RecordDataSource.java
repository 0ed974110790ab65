package org.budgetmonitor.report;

import java.util.List;
import java.util.function.BiFunction;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

/**
 * Feeds a list of records to a template. JasperReports' bean data source wants JavaBean getters,
 * which records do not have; an explicit field mapping also makes a renamed field fail loudly.
 * Public for one reason: a template asks its table's source whether every row has been read
 * ({@link #exhausted()}), which its generated expression class must be able to call.
 */
public final class RecordDataSource<T> implements JRRewindableDataSource {

    private final List<T> items;
    private final BiFunction<T, String, Object> fields;
    private int index = -1;

    RecordDataSource(List<T> items, BiFunction<T, String, Object> fields) {
        this.items = items;
        this.fields = fields;
    }

    @Override
    public boolean next() {
        index++;
        return index < items.size();
    }

    /**
     * Every row has been read: JasperReports reads a row just before it prints it and reads past the last one
     * just before the footers that end the report, so a template's table headings, reprinted when a page
     * breaks, can tell a break inside the table (rows still to come) from one in the notes after it.
     */
    public boolean exhausted() {
        return index >= items.size();
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        try {
            return fields.apply(items.get(index), field.getName());
        } catch (IllegalArgumentException e) {
            throw new JRException(e.getMessage(), e);
        }
    }

    @Override
    public void moveFirst() {
        index = -1;
    }

    static IllegalArgumentException unknown(String field) {
        return new IllegalArgumentException("no field " + field);
    }
}

package com.vigil.ui.trends;

import com.vigil.model.DisplayRange;
import com.vigil.model.Limits;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.ui.kit.CssTokens;
import com.vigil.ui.kit.FailureTexts;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.awt.BasicStroke;
import java.awt.Font;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Trend of the selected tag over the last minutes (JFreeChart), with its alarm limits as lines. Bad and stale samples
 * are gaps, never zeros. A good last value is drawn on to now (values come on change). Redrawn at most once a second,
 * on the FX pulse; the samples are read through the task runner, never on the FX thread (the historian is a database),
 * one read at a time, the next a second after the last came back. A read that fails, or has not come back after 5 s,
 * keeps the last picture and says so under the title.
 */
public final class TrendView extends BorderPane {
    private final Function<String, List<Sample>> recent;
    private final Function<String, TagDef> tagDef;
    private final Function<String, String> describe;
    private final I18n i18n;
    private final CssTokens tokens;
    private final TaskRunner runner;
    private final Label title = new Label();
    private final Label failure = new Label();
    private final TimeSeriesCollection dataset = new TimeSeriesCollection();
    private final JFreeChart chart;
    private final XYPlot plot;
    private String tag;
    private final LongSupplier millis;
    private long lastDraw;
    private boolean redrawNow;
    private boolean reading;
    private long readSince;

    public TrendView(Function<String, List<Sample>> recent, Function<String, TagDef> tagDef,
                     Function<String, String> describe, I18n i18n, CssTokens tokens, FxPulse pulse,
                     TaskRunner runner) {
        this(recent, tagDef, describe, i18n, tokens, pulse, runner, System::currentTimeMillis);
    }

    /** With the clock the redraw interval and the time axis follow (tests). */
    TrendView(Function<String, List<Sample>> recent, Function<String, TagDef> tagDef,
              Function<String, String> describe, I18n i18n, CssTokens tokens, FxPulse pulse,
              TaskRunner runner, LongSupplier millis) {
        this.millis = millis;
        this.recent = recent;
        this.runner = runner;
        this.tagDef = tagDef;
        this.describe = describe;
        this.i18n = i18n;
        this.tokens = tokens;
        getStyleClass().add(Styles.TREND);
        title.getStyleClass().add(Styles.PANEL_TITLE);
        title.setText(i18n.t("trend.none"));
        failure.setId("trend-failure");
        failure.getStyleClass().add(Styles.MESSAGE_ERROR);
        failure.setWrapText(true);
        failure.setManaged(false);
        failure.setVisible(false);
        chart = ChartFactory.createTimeSeriesChart(null, null, null, dataset, false, true, false);
        plot = chart.getXYPlot();
        java.awt.Color bg = awt("-vigil-surface");
        java.awt.Color grid = awt("-vigil-border");
        java.awt.Color text = awt("-vigil-text-muted");
        chart.setBackgroundPaint(bg);
        plot.setBackgroundPaint(bg);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setTickLabelPaint(text);
            axis.setLabelPaint(text);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
            axis.setTickLabelFont(font);
        }
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new java.text.SimpleDateFormat("HH:mm:ss"));
        // room on the right for the last time label, which is centred on its tick at the plot's edge
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 28));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < 2; i++) { // the samples, and the last value held to now
            r.setSeriesPaint(i, awt("-vigil-trend-line"));
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        plot.setRenderer(r);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("trend-chart");
        setTop(new VBox(title, failure));
        setCenter(viewer);
        pulse.add(this::refresh);
    }

    private java.awt.Color awt(String token) {
        javafx.scene.paint.Color c = tokens.color(token);
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    /** Shows the trend of {@code tagId}. */
    public void show(String tagId) {
        this.tag = tagId;
        TagDef def = tagDef.apply(tagId);
        title.setText(i18n.t("trend.title", describe.apply(tagId) + "  (" + tagId + (def == null ? "" : ", "
                + def.unit()) + ")"));
        plot.clearRangeMarkers();
        dataset.removeAllSeries(); // never the previous tag's line under this tag's title
        showFailure(null);
        if (def != null) {
            Limits l = def.limits();
            marker(l.hh(), "HH", l.hhPriority());
            marker(l.h(), "H", l.hPriority());
            marker(l.l(), "L", l.lPriority());
            marker(l.ll(), "LL", l.llPriority());
        }
        // until the first read comes back: this tag's window and value range, not the previous tag's
        axes(def, List.of());
        redrawNow = true;
        refresh();
    }

    private void marker(Double value, String label, com.vigil.model.Priority p) {
        if (value == null) {
            return;
        }
        ValueMarker m = new ValueMarker(value);
        m.setPaint(p == null ? awt("-vigil-limit-line") : awt("-vigil-alarm-" + p.grade()));
        m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        m.setLabel(label + " " + value);
        m.setLabelPaint(awt("-vigil-text-muted"));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(m);
    }

    void refresh() {
        if (tag == null) {
            return;
        }
        long now = millis.getAsLong();
        if (reading) {
            if (now - readSince > SLOW_READ_MILLIS) { // a hung history must not look like a quiet value
                showFailure(i18n.t("trend.slow", (now - readSince) / 1000));
            }
            return;
        }
        if (!redrawNow && now - lastDraw < 1000) {
            return;
        }
        redrawNow = false;
        String wanted = tag;
        reading = true;
        readSince = now;
        runner.run(() -> recent.apply(wanted), samples -> {
            done();
            if (wanted.equals(tag)) {
                showFailure(null);
                draw(samples);
            }
        }, error -> {
            done();
            if (wanted.equals(tag)) {
                showFailure(i18n.t("trend.failed", FailureTexts.describe(i18n, error)));
            }
        });
    }

    /** A read came back: the next one at least a second later (a slow history is not read back to back). */
    private void done() {
        reading = false;
        lastDraw = millis.getAsLong();
    }

    private void showFailure(String text) {
        failure.setText(text == null ? "" : text);
        failure.setVisible(text != null);
        failure.setManaged(text != null);
    }

    private void draw(List<Sample> samples) {
        TimeSeries s = new TimeSeries(tag);
        s.setNotify(false);
        for (Sample x : samples) {
            Double v = x.quality() == Quality.GOOD && !Double.isNaN(x.value()) ? x.value() : null; // gap
            s.addOrUpdate(new FixedMillisecond(x.timeMillis()), v);
        }
        s.setNotify(true);
        dataset.removeAllSeries();
        dataset.addSeries(s);
        // values come on change: a good last value still holds now (the subscription would have reported a change,
        // and a lost session reports every tag stale), so the line goes on to now instead of stopping where the last
        // change came. A frozen transmitter draws flat to now, not as a trend that ended.
        Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        long now = millis.getAsLong();
        if (last != null && last.quality() == Quality.GOOD && !Double.isNaN(last.value()) && last.timeMillis() < now) {
            TimeSeries held = new TimeSeries(tag + " (held)");
            held.add(new FixedMillisecond(last.timeMillis()), last.value());
            held.add(new FixedMillisecond(now), last.value());
            dataset.addSeries(held);
        }
        axes(tagDef.apply(tag), samples);
    }

    /**
     * A fixed window ending now, and a value range that always shows the normal band and the H/L limits: the
     * operator judges the value against its limits, not against its own noise.
     */
    private void axes(TagDef def, List<Sample> samples) {
        long now = millis.getAsLong();
        plot.getDomainAxis().setRange(now - WINDOW_MILLIS, now);
        if (def != null) {
            DisplayRange range = DisplayRange.of(def,
                    samples.stream().filter(x -> x.quality() == Quality.GOOD).mapToDouble(Sample::value));
            plot.getRangeAxis().setRange(range.low(), range.high());
        }
    }

    /** A read in flight longer than this is said under the title. */
    static final long SLOW_READ_MILLIS = 5000;

    /** Width of the live trend window. */
    public static final long WINDOW_MILLIS = 30 * 60 * 1000L;

    public String tag() {
        return tag;
    }

    /** The line under the title saying the last read failed (empty when it did not). */
    public Label failure() {
        return failure;
    }

    /** The line on the chart, or null before the first read (tests). */
    TimeSeries line() {
        return dataset.getSeriesCount() == 0 ? null : dataset.getSeries(0);
    }

    /** The last good value held from its sample to now, or null (no samples, or the last one is bad) (tests). */
    TimeSeries held() {
        return dataset.getSeriesCount() < 2 ? null : dataset.getSeries(1);
    }

    /** Number of points on the chart (tests). */
    public int points() {
        return dataset.getSeriesCount() == 0 ? 0 : dataset.getSeries(0).getItemCount();
    }
}

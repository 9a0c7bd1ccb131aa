/**
 * A fast line chart drawn on a {@link javafx.scene.canvas.Canvas}, for a million live points: series
 * are kept in primitive {@link babysitter.ui.chart.SeriesBuffer}s and reduced to a per-pixel
 * minimum/maximum polyline ({@link babysitter.ui.chart.Decimator}) before they are stroked, so a
 * redraw costs one scan of the visible points plus a few strokes per pixel column.
 * The maths (decimation, ticks, marker label rows) needs no toolkit; only
 * {@link babysitter.ui.chart.LineChartCanvas} touches JavaFX.
 */
package babysitter.ui.chart;

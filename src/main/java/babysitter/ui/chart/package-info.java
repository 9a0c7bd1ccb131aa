/**
 * A fast line chart drawn on a {@link javafx.scene.canvas.Canvas}, for a million live points, on
 * the toolkit-free plotting core {@code babysitter.plot} (buffers, decimation, ticks, colours,
 * marker layout), which the SVG/HTML reports use too. {@link babysitter.ui.chart.LineChartCanvas}
 * holds the series and markers, the ranges shown ({@link babysitter.ui.chart.ChartRanges}) and
 * schedules redraws ({@link babysitter.ui.chart.RedrawScheduler}); one class paints each part:
 * {@link babysitter.ui.chart.ChartPainter} (ranges, margins, order), {@link babysitter.ui.chart.Legend},
 * {@link babysitter.ui.chart.AxesPainter}, {@link babysitter.ui.chart.SeriesPainter},
 * {@link babysitter.ui.chart.MarkerPainter}; the mouse is handled by
 * {@link babysitter.ui.chart.ZoomGestures} and {@link babysitter.ui.chart.HoverBox}, drawn on an
 * {@link babysitter.ui.chart.OverlayLayer} so that hovering never redraws the chart.
 */
package babysitter.ui.chart;

/**
 * The plotting core shared by the charts on screen ({@code babysitter.ui.chart}) and the SVG/HTML
 * reports ({@code babysitter.report}), so that both draw the same ticks, ranges, colours and marker
 * labels: axis ticks and number labels ({@link babysitter.plot.Ticks}), the mapping of data to
 * pixels on linear and log axes ({@link babysitter.plot.PlotArea}), growable point buffers
 * ({@link babysitter.plot.SeriesBuffer}) and their per-pixel min/max reduction
 * ({@link babysitter.plot.Decimator}), the one colour scheme ({@link babysitter.plot.Palette}),
 * marker label placement ({@link babysitter.plot.MarkerLayout}), the step → epoch placement of
 * markers ({@link babysitter.plot.StepEpochMap}) and the chart smoothing
 * ({@link babysitter.plot.MovingAverage}). Depends on nothing but the JDK: no toolkit, no other
 * package of the program.
 */
package babysitter.plot;

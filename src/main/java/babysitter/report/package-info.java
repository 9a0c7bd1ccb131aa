/**
 * Reports of recorded runs that need no toolkit: vector line charts written as SVG text
 * ({@link babysitter.report.SvgChart}) and one self-contained HTML file per run
 * ({@link babysitter.report.RunReport}) with the configuration, the data, the charts, every event
 * and the final metrics. Uses the store and session layers; never JavaFX, the UI or the CLI.
 */
package babysitter.report;

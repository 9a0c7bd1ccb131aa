/**
 * Reports of recorded runs that need no toolkit: vector line charts written as SVG text
 * ({@link babysitter.report.SvgChart}) and one self-contained HTML file per run
 * ({@link babysitter.report.RunReport}) with the configuration, the data, the charts, every event
 * and the final metrics; and the words, in a language, of what the session and the store say as
 * values (event labels, names of settings and paces, durations, the guard's reasons, hints), which
 * the window uses too. Uses the store and session layers; never JavaFX, the UI or the CLI.
 */
package babysitter.report;

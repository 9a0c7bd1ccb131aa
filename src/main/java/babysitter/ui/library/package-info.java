/**
 * File ▸ Runs…: the runs library. A sortable, filterable table of every recorded run (kept up to date
 * by a file watcher), the epoch curves of the selected runs overlaid in one colour each, their
 * configurations side by side with the differing keys marked, and what a person does to a run:
 * open, rename, note and tag, delete to the trash and back, export its report.
 */
package babysitter.ui.library;

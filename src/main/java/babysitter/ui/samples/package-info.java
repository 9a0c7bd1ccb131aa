/** The sample browser: the first dev samples of the latest epoch, each with its class-probability bars. */
package babysitter.ui.samples;

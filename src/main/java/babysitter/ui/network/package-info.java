/**
 * The "Network" window: batch norm and activations per layer over epochs. {@link
 * babysitter.ui.network.NetworkViewModel} keeps bounded per-layer histories of update ratio, norms,
 * γ/β, dead and saturated shares, batch-norm drift and recent histograms; the view draws them.
 */
package babysitter.ui.network;

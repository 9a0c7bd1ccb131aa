/**
 * The "Network" window: batch norm and activations per layer over epochs. {@link
 * babysitter.ui.network.NetworkViewModel} keeps bounded per-layer histories of update ratio, norms,
 * γ/β, dead and saturated shares, batch-norm drift, recent histograms and the last per-unit batch and
 * running μ and σ²; the view draws them ({@code UnitStatsStrip}: the per-unit gaps).
 */
package babysitter.ui.network;

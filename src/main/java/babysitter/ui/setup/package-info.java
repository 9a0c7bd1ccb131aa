/**
 * The setup panel where a person describes a new run: the data set, the hidden layers, the
 * optimiser and the run length. {@link babysitter.ui.setup.SetupViewModel} holds the fields as
 * text, validates them with the engine's rules on every change and builds a
 * {@link babysitter.session.configuration.RunConfig}; {@link babysitter.ui.setup.SetupView} only binds to it.
 */
package babysitter.ui.setup;

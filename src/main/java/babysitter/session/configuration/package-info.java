/**
 * What a run is: its configuration ({@link babysitter.session.configuration.RunConfig}) as read
 * from a JSON file with messages that name the path and the rule, the network and optimiser
 * specifications, the hyperparameter schedule's entries, the automatic rules' settings and the
 * program's version.
 */
package babysitter.session.configuration;

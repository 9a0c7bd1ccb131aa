/**
 * The babysitting window (JavaFX): one view and view-model per feature in the sub-packages.
 * Views only bind; state, validation and actions live in the view-models, which see records of
 * primitives from the session, never ND4J arrays.
 */
package babysitter.ui;

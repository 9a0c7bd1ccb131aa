/**
 * Which hyperparameters mattered in a search: a random-forest surrogate of the objective over the
 * trials (Tribuo's regression trees) and a functional-ANOVA decomposition of its trees into each
 * parameter's and each pair's share of the objective's variance, held against the course's order.
 */
package babysitter.search.importance;

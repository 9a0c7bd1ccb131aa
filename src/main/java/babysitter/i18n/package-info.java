/**
 * The words of the window and of the HTML report in English and Korean: message bundles read as
 * UTF-8, placeholders filled by {@link java.text.MessageFormat}, numbers in the reader's locale, and
 * the language a person picked (remembered between starts). Depends on nothing but the JDK, so the
 * window and the report can both use it; files and the command line never do.
 */
package babysitter.i18n;

/**
 * The {@code cascade} command line: one picocli command class per subcommand, shared options as
 * mixins, a progress bar on stderr when it is a terminal, and one mapping from failures to the exit
 * codes of the contract (0 ok, 1 check failed, 2 bad input, 3 internal error, 130 interrupted).
 * Nothing below this package prints to the console.
 */
package dev.cascade.cli;

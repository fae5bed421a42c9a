package dev.cascade.cli;

import picocli.CommandLine.Command;

/**
 * {@code cascade compare}: {@code run} over all variants, printing the key numbers side by side
 * (one column per variant); the report overlays each metric across variants.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = CascadeCommand.Version.class,
    description = "Run all variants and compare them side by side (tables and overlay charts).")
final class CompareCommand extends RunCommand {}

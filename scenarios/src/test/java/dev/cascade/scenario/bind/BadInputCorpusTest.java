package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cascade.scenario.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad/}, described in its {@code expected.txt}):
 * every file is answered with exactly one problem at exactly the expected {@code file:line:col},
 * and with nothing but a {@link ScenarioException}. Plus the inputs too large to commit: a 50 MB
 * file, an endless device, a million levels of nesting.
 */
class BadInputCorpusTest {

  /** One line of {@code expected.txt}. */
  record Expected(String file, int line, int column, String fragment) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Path corpus() {
    try {
      return Path.of(BadInputCorpusTest.class.getResource("/bad/expected.txt").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Expected> expected() {
    try {
      return Files.readAllLines(corpus().resolve("expected.txt"), StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(
              l -> {
                String[] parts = l.split("\t", 3);
                String[] pos = parts[1].split(":");
                return new Expected(
                    parts[0], Integer.parseInt(pos[0]), Integer.parseInt(pos[1]), parts[2]);
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code file}; fails unless the load ends in a ScenarioException. */
  static List<Problem> problemsOf(Path file, LoadOptions options) {
    try {
      ScenarioLoader.load(file, options);
    } catch (ScenarioException e) {
      return e.problems();
    } catch (Throwable t) { // an Error too: StackOverflowError, OutOfMemoryError
      throw new AssertionError(file.getFileName() + " threw " + t + " instead of problems", t);
    }
    return fail(file.getFileName() + " loaded without problems");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expected")
  void badFile_oneProblem_atExactPosition(Expected e) {
    Path file = corpus().resolve(e.file());
    List<Problem> problems = problemsOf(file, LoadOptions.NONE);
    assertThat(problems).as("problems of %s", e.file()).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.position().toString()).isEqualTo(file + ":" + e.line() + ":" + e.column());
    assertThat(p.toString())
        .startsWith(file + ":" + e.line() + ":" + e.column() + ": ")
        .contains(e.fragment())
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void corpus_hasAtLeast30Files_eachListedOnce() throws IOException {
    List<String> listed = expected().stream().map(Expected::file).toList();
    List<String> files;
    try (Stream<Path> s = Files.list(corpus())) {
      files =
          s.map(f -> f.getFileName().toString()).filter(n -> !n.equals("expected.txt")).toList();
    }
    assertThat(listed).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(30);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void fiftyMegabyteFile_refusedBeforeItIsRead(@TempDir Path tmp) throws IOException {
    Path big = writeFiftyMegabytes(tmp.resolve("big.yaml"));
    List<Problem> problems = problemsOf(big, LoadOptions.NONE);
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(big + ":1:1: the file is 50.0 MB; a scenario file may be at most 2 MB");
  }

  /** A scenario followed by one 50 MB string: a parser reading it whole needs gigabytes. */
  static Path writeFiftyMegabytes(Path file) throws IOException {
    byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write((Fixtures.SMALL + "description: \"").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write("\"\n".getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void endlessDevice_readsNoMoreThanTheLimit() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "needs /dev/zero");
    assertThat(problemsOf(zero, LoadOptions.NONE))
        .extracting(Problem::toString)
        .containsExactly(
            "/dev/zero:1:1: the file is larger than that; a scenario file may be at"
                + " most 2 MB");
  }

  @Test
  void fiftyMegabyteText_refused() {
    String text = Fixtures.SMALL + "description: " + "x".repeat(50 << 20) + "\n";
    assertThat(textProblems(text))
        .containsExactly(
            "scenario.yaml:1:1: the text has "
                + text.length()
                + " characters; a scenario may have at most 2097152 (2 MB)");
  }

  @Test
  void millionLevelsOfNesting_oneProblemAtTheLimit() {
    String text = "x: " + "[".repeat(1_000_000) + "]".repeat(1_000_000) + "\n";
    assertThat(textProblems(text))
        .containsExactly(
            "scenario.yaml:1:"
                + (4 + TreeReader.MAX_DEPTH - 1)
                + ": nested more than 64 levels deep; is this a scenario?");
  }

  @Test
  void tooManyValues_oneProblem() {
    String text = "x: [" + "1, ".repeat(TreeReader.MAX_VALUES) + "1]\n";
    assertThat(textProblems(text))
        .singleElement()
        .asString()
        .contains("the document has more than 100000 values");
  }

  @Test
  void setOption_withAliasOrDeepNesting_isAProblemOfTheOption() {
    assertThat(textProblems(Fixtures.SMALL, "app.threads=*x"))
        .singleElement()
        .asString()
        .startsWith("--set:1:")
        .contains("YAML aliases are not supported (*x)");
    assertThat(textProblems(Fixtures.SMALL, "app.threads=" + "[".repeat(5000)))
        .singleElement()
        .asString()
        .startsWith("--set:1:")
        .contains("nested more than 64 levels");
  }

  @Test
  void byteOrderMark_isDropped(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("bom.yaml");
    Files.writeString(file, "\uFEFF" + Fixtures.SMALL, StandardCharsets.UTF_8);
    assertThat(ScenarioLoader.load(file).name()).isEqualTo("small");
  }

  private static List<String> textProblems(String text, String... sets) {
    try {
      ScenarioLoader.load(text, Fixtures.FILE, LoadOptions.sets(sets));
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    return fail("loaded without problems");
  }
}

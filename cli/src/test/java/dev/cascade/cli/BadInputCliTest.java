package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cli.CliTest.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the scenarios module ({@code scenarios/src/test/resources/bad/}, read
 * from the source tree) through the command line: {@code validate} and {@code run -o DIR} both exit
 * 2 with the {@code file:line:col} message, print no stack trace and write nothing.
 */
class BadInputCliTest {

  @TempDir Path tmp;

  /** One line of the corpus's {@code expected.txt}: file, line:col, message fragment. */
  record Expected(String file, String position, String fragment) {
    @Override
    public String toString() {
      return file;
    }
  }

  /** The corpus, next to this module in the source tree (tests run in the module's folder). */
  static Path corpus() {
    Path dir = Path.of("").toAbsolutePath().resolveSibling("scenarios/src/test/resources/bad");
    assertThat(dir.resolve("expected.txt")).as("the corpus of the scenarios module").exists();
    return dir;
  }

  static List<Expected> expected() {
    try {
      return Files.readAllLines(corpus().resolve("expected.txt"), StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", 3))
          .map(p -> new Expected(p[0], p[1], p[2]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expected")
  void badFile_validateAndRun_exit2_positionedMessage_nothingWritten(Expected e) {
    String file = corpus().resolve(e.file()).toString();
    assertRefused(
        CliTest.cascade("validate", file), file + ":" + e.position() + ": ", e.fragment());
    Path out = tmp.resolve("out");
    Result run = CliTest.cascade("run", file, "-o", out.toString(), "--quiet", "--no-charts");
    assertRefused(run, file + ":" + e.position() + ": ", e.fragment());
    assertThat(run.err()).contains("nothing was written");
    assertThat(out).doesNotExist();
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void corpus_hasAtLeast30Files() {
    assertThat(expected()).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void fiftyMegabyteFile_exit2_nothingWritten() throws IOException {
    Path big = tmp.resolve("big.yaml");
    byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream o = Files.newOutputStream(big)) {
      o.write(Files.readAllBytes(Path.of("src/test/resources/tiny.yaml").toAbsolutePath()));
      o.write("extra: \"".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 50; i++) {
        o.write(chunk);
      }
      o.write("\"\n".getBytes(StandardCharsets.US_ASCII));
    }
    String expected = big + ":1:1: ";
    assertRefused(CliTest.cascade("validate", big.toString()), expected, "the file is 50.0 MB");
    Path out = tmp.resolve("out");
    assertRefused(
        CliTest.cascade("run", big.toString(), "-o", out.toString(), "--quiet"),
        expected,
        "at most 2 MB");
    assertThat(out).doesNotExist();
  }

  @Test
  void outFolderOfOtherFiles_refusedBeforeSimulating() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(out.resolve("todo.txt"), "keep me");
    Result r =
        CliTest.cascade(
            "run", "url-shortener-redis-down", "-o", out.toString(), "--quiet", "--no-charts");
    assertRefused(r, out.toString(), "holds no previous result; not replacing it");
    // Refused before the runs: no result was printed, nothing else appeared.
    assertThat(r.out()).isEmpty();
    assertThat(out.resolve("todo.txt")).hasContent("keep me");
    assertThat(tmp).isDirectoryContaining(p -> p.equals(out));
    try (var entries = Files.list(tmp)) {
      assertThat(entries).containsExactly(out);
    }
  }

  static void assertRefused(Result r, String position, String fragment) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(position).contains(fragment);
    assertThat(r.err() + r.out())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("internal error");
  }
}

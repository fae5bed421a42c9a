package dev.cascade.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

  @TempDir Path tmp;

  private static OutputFolder.Contents file(String name, String text) {
    return dir -> Files.writeString(dir.resolve(name), text);
  }

  private long siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.count();
    }
  }

  @Test
  void newFolder_isCreatedWithEveryContent() throws IOException {
    Path out = tmp.resolve("out/small");
    OutputFolder.publish(out, file("summary.json", "{}"), file("a.txt", "a"));
    assertThat(out.resolve("summary.json")).hasContent("{}");
    assertThat(out.resolve("a.txt")).hasContent("a");
  }

  @Test
  void previousResult_isReplacedAsAWhole() throws IOException {
    Path out = tmp.resolve("small");
    OutputFolder.publish(out, file("summary.json", "old"), file("stale.txt", "x"));
    OutputFolder.publish(out, file("summary.json", "new"));
    assertThat(out.resolve("summary.json")).hasContent("new");
    assertThat(out.resolve("stale.txt")).doesNotExist();
    assertThat(siblings()).isEqualTo(1);
  }

  @Test
  void failedWrite_keepsThePreviousResultAndLeavesNoTemporaryFolder() throws IOException {
    Path out = tmp.resolve("small");
    OutputFolder.publish(out, file("summary.json", "old"));
    OutputFolder.Contents failing =
        dir -> {
          Files.writeString(dir.resolve("summary.json"), "half");
          throw new IOException("disk full");
        };
    assertThatThrownBy(() -> OutputFolder.publish(out, failing)).hasMessage("disk full");
    assertThat(out.resolve("summary.json")).hasContent("old");
    assertThat(siblings()).isEqualTo(1);
  }

  @Test
  void folderOfOtherFiles_isNotReplaced() throws IOException {
    Path home = tmp.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve("thesis.tex"), "precious");
    assertThatThrownBy(() -> OutputFolder.publish(home, file("summary.json", "{}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("holds no previous result");
    assertThat(home.resolve("thesis.tex")).hasContent("precious");
    assertThat(siblings()).isEqualTo(1);
  }

  @Test
  void emptyFolder_isReplaced() throws IOException {
    Path out = tmp.resolve("empty");
    Files.createDirectories(out);
    OutputFolder.publish(out, file("summary.json", "{}"));
    assertThat(out.resolve("summary.json")).exists();
  }
}

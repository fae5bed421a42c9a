package dev.cascade.scenario.bind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a scenario file as UTF-8 text, reading at most {@link TreeReader#MAX_CHARS} bytes plus one,
 * so that a huge file, or a device such as {@code /dev/zero}, is refused without being read into
 * memory. Bytes that are not UTF-8 are reported at their line and column, a leading byte order mark
 * is dropped.
 */
final class ScenarioFile {

  /** Largest file read, in bytes. */
  static final int MAX_BYTES = TreeReader.MAX_CHARS;

  private ScenarioFile() {}

  /**
   * The text of {@code file}.
   *
   * @throws ScenarioException when the file cannot be read, is too large or is not UTF-8
   */
  static String read(Path file) {
    String source = file.toString();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.toString();
      throw problem(source, 1, 1, "cannot read the file: " + why);
    }
    if (bytes.length > MAX_BYTES) {
      throw problem(
          source,
          1,
          1,
          "the file is "
              + size(file)
              + "; a scenario file may be at most "
              + MAX_BYTES / (1024 * 1024)
              + " MB");
    }
    return decode(bytes, source);
  }

  private static String decode(byte[] bytes, String source) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      String before = out.toString();
      int lineStart = before.lastIndexOf('\n') + 1;
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.codePointCount(lineStart, before.length()) + 1;
      throw problem(
          source,
          line,
          column,
          String.format(
              Locale.ROOT,
              "byte 0x%02X is not UTF-8 text (is this a binary file?)",
              bytes[in.position()] & 0xff));
    }
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The size of {@code file} in words, or "larger than the limit" when unknown (a device). */
  private static String size(Path file) {
    try {
      long bytes = Files.size(file);
      if (bytes > MAX_BYTES) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
      }
    } catch (IOException e) {
      // fall through: a stream without a size
    }
    return "larger than that";
  }

  private static ScenarioException problem(String source, int line, int column, String message) {
    return new ScenarioException(
        List.of(new Problem(Position.of(source, line, column), "", message)));
  }
}

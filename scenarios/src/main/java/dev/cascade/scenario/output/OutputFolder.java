package dev.cascade.scenario.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Publishes an output folder atomically: everything is written into a temporary folder next to the
 * target, which is then renamed into place, so readers see the old folder or the new one and never
 * half of one. An existing target is replaced only when it is empty or holds a previous result
 * ({@code summary.json} or {@code scenario.resolved.yaml}): pointing {@code --out} at a folder of
 * other files is refused rather than wiping it.
 */
public final class OutputFolder {

  /** Files that mark a folder as a previous result, which may be replaced. */
  private static final List<String> MARKERS = List.of("summary.json", "scenario.resolved.yaml");

  /** Writes part of a result into a folder. */
  @FunctionalInterface
  public interface Contents {
    /** Writes files into {@code dir}, which exists. */
    void writeInto(Path dir) throws IOException;
  }

  private OutputFolder() {}

  /**
   * Writes every {@code contents} into a new folder and renames it to {@code target}.
   *
   * @throws IOException when writing fails (nothing is left behind, the old folder is kept) or the
   *     target exists and is not a previous result
   */
  public static void publish(Path target, Contents... contents) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    String name = absolute.getFileName().toString();
    Files.createDirectories(parent);
    checkReplaceable(absolute);
    Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
    try {
      for (Contents c : contents) {
        c.writeInto(tmp);
      }
      swap(tmp, absolute, parent, name);
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
  }

  private static void swap(Path tmp, Path target, Path parent, String name) throws IOException {
    if (!Files.exists(target)) {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = Files.createTempDirectory(parent, "." + name + ".old-");
    Files.delete(old);
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteTree(old);
  }

  /**
   * Fails unless {@code target} may be replaced by {@link #publish}: it does not exist, or is an
   * empty folder or a previous result. Commands call it before simulating, so that a refused {@code
   * --out} is reported at once rather than after the runs.
   *
   * @throws IOException when the target would be refused
   */
  public static void checkReplaceable(Path folder) throws IOException {
    Path target = folder.toAbsolutePath().normalize();
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new IOException(target + " exists and is not a folder; not replacing it");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
      boolean empty = !entries.iterator().hasNext();
      boolean previous = MARKERS.stream().anyMatch(m -> Files.exists(target.resolve(m)));
      if (!empty && !previous) {
        throw new IOException(
            target + " is not empty and holds no previous result; not replacing it");
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}

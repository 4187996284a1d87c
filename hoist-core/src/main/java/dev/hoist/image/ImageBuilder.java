package dev.hoist.image;

import java.io.IOException;

/**
 * Builds an application's image (a {@link JvmApp} or a {@link FilesApp}) and stores it in a target.
 */
public interface ImageBuilder {

  /**
   * Builds {@code app} on {@code request.base()} and stores it in {@code target} under the
   * request's tags.
   *
   * @throws IOException when an input is missing or unreadable, or storing fails; the message names
   *     it
   */
  BuiltImage build(ContainerApp app, ImageRequest request, ImageTarget target) throws IOException;
}

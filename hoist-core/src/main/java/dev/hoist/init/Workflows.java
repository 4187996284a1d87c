package dev.hoist.init;

import java.util.List;

/**
 * The GitHub workflows {@code hoist init} writes: {@code ci.yml} (build, test and lint on pull
 * requests and main; on a pull request {@code hoist diff} against the last release tag as a
 * comment) and {@code release.yml} (on version tags: the tests first, then {@code hoist release -o
 * json}, keyless cosign signatures of every digest it reports, the result in the step summary, and
 * the Flux files it wrote proposed as a pull request).
 */
final class Workflows {
  /** The hoist version the workflows install. */
  static final String HOIST_VERSION = "0.1.0";

  private Workflows() {}

  private static final String SETUP =
      """
            - uses: actions/checkout@v4
              with:
                fetch-depth: 0
            - uses: actions/setup-java@v4
              with:
                distribution: temurin
                java-version: "17"
                cache: maven
            - name: Install hoist
              run: |
                curl -sSfL -o "$RUNNER_TEMP/hoist.jar" \\
                  "https://github.com/hoist-dev/hoist/releases/download/v${HOIST_VERSION}/hoist.jar"
                printf '#!/bin/sh\\nexec java -jar "%s" "$@"\\n' "$RUNNER_TEMP/hoist.jar" > "$RUNNER_TEMP/hoist"
                chmod +x "$RUNNER_TEMP/hoist"
                echo "$RUNNER_TEMP" >> "$GITHUB_PATH"
      """;

  /** The build commands as workflow steps. */
  private static String steps(List<String> builds) {
    StringBuilder out = new StringBuilder();
    for (String build : builds) {
      out.append("      - run: ").append(build).append('\n');
    }
    return out.toString();
  }

  static String ci(List<String> builds) {
    return """
        name: ci
        on:
          pull_request:
          push:
            branches: [main]
        permissions:
          contents: read
          pull-requests: write
        env:
          HOIST_VERSION: "%s"
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
        %s%s      - run: hoist lint
              - name: What the clusters will see change, against the last release
                if: github.event_name == 'pull_request'
                env:
                  GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                  PR: ${{ github.event.pull_request.number }}
                run: |
                  last=$(git describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null) || exit 0
                  status=0
                  hoist diff --against-ref "$last" --markdown "$RUNNER_TEMP/diff.md" || status=$?
                  [ "$status" -le 1 ] || exit "$status"
                  gh pr comment "$PR" --body-file "$RUNNER_TEMP/diff.md"
        """
        .formatted(HOIST_VERSION, SETUP, steps(builds));
  }

  static String release(List<String> builds) {
    return """
        name: release
        on:
          push:
            tags: ["v[0-9]+.[0-9]+.[0-9]+*"]
        permissions:
          contents: read
        env:
          HOIST_VERSION: "%s"
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
        %s%s      - run: hoist lint
          release:
            needs: test
            runs-on: ubuntu-latest
            permissions:
              contents: write
              pull-requests: write
              packages: write
              id-token: write
            steps:
        %s      - uses: sigstore/cosign-installer@v3
        %s      - name: Release
                env:
                  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                run: hoist release -o json > "$RUNNER_TEMP/release.json"
              - name: Sign every pushed digest (keyless, never a tag)
                run: |
                  jq -r '.images[].ref, (.artifacts[] | (.url | sub("^oci://"; "")) + "@" + .digest)' \\
                    "$RUNNER_TEMP/release.json" | while read -r ref; do cosign sign --yes "$ref"; done
              - name: Summary
                run: |
                  echo '```json' >> "$GITHUB_STEP_SUMMARY"
                  cat "$RUNNER_TEMP/release.json" >> "$GITHUB_STEP_SUMMARY"
                  echo '```' >> "$GITHUB_STEP_SUMMARY"
              - name: Propose the Flux files as a pull request
                env:
                  GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                run: |
                  files=$(jq -r '.commit[]' "$RUNNER_TEMP/release.json")
                  [ -z "$files" ] && exit 0
                  branch="hoist/flux-${GITHUB_REF_NAME}"
                  git config user.name "github-actions[bot]"
                  git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
                  git switch -c "$branch"
                  git add $files
                  git commit -m "flux: ${GITHUB_REF_NAME}"
                  git push origin "$branch"
                  gh pr create --base main --head "$branch" --title "flux: ${GITHUB_REF_NAME}" \\
                    --body "The Flux objects hoist release wrote for ${GITHUB_REF_NAME}."
        """
        .formatted(HOIST_VERSION, SETUP, steps(builds), SETUP, steps(builds));
  }
}

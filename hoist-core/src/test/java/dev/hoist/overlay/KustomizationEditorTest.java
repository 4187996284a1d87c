package dev.hoist.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class KustomizationEditorTest {
  static final String D = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  static final String NEW = "registry.example.com/shop/web";

  private static String set(String text) {
    return KustomizationEditor.setImage(text, "web", NEW, D);
  }

  @Test
  void replacesInPlaceKeepsCommentsAndQuotingAndRemovesNewTag() {
    String before =
        """
        # kustomization for dev
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../../base   # the base
        images:
          # the web app
          - name: web
            newName: "registry.local/old/web"  # old
            newTag: v1.2.3
          - name: 'other'
            newTag: "2"
        namePrefix: dev-
        """;
    assertEquals(
        """
        # kustomization for dev
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../../base   # the base
        images:
          # the web app
          - name: web
            newName: "registry.example.com/shop/web"  # old
            digest: %s
          - name: 'other'
            newTag: "2"
        namePrefix: dev-
        """
            .formatted(D),
        set(before));
  }

  @Test
  void keepsKeyOrderAndReplacesAnExistingDigest() {
    String before =
        """
        images:
        - digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
          newTag: v1
          name: web
        """;
    assertEquals(
        """
        images:
        - digest: %s
          name: web
          newName: registry.example.com/shop/web
        """
            .formatted(D),
        set(before));
  }

  @Test
  void removesNewTagOnTheDashLine() {
    String before =
        """
        images:
        - newTag: v1 # pinned by hand
          name: web
          newName: old/web
        """;
    assertEquals(
        """
        images:
        - name: web
          newName: registry.example.com/shop/web
          digest: %s
        """
            .formatted(D),
        set(before));
  }

  @Test
  void appendsAnEntryInTheListsIndentation() {
    String before =
        """
        images:
            -   name: db
                newTag: "15"   # postgres
        # trailing comment
        """;
    assertEquals(
        """
        images:
            -   name: db
                newTag: "15"   # postgres
            -   name: web
                newName: registry.example.com/shop/web
                digest: %s
        # trailing comment
        """
            .formatted(D),
        set(before));
  }

  @Test
  void appendsAnImagesBlockWhenThereIsNone() {
    assertEquals(
        """
        resources:
        - deployment.yaml
        images:
        - name: web
          newName: registry.example.com/shop/web
          digest: %s
        """
            .formatted(D),
        set("resources:\n- deployment.yaml"));
    assertEquals(
        """
        resources:
          - deployment.yaml
        # end
        images:
          - name: web
            newName: registry.example.com/shop/web
            digest: %s
        """
            .formatted(D),
        set("resources:\n  - deployment.yaml\n# end\n"));
    assertEquals(
        """
        images:
        - name: web
          newName: registry.example.com/shop/web
          digest: %s
        """
            .formatted(D),
        set(""));
  }

  @Test
  void rewritesFlowListsAsBlocks() {
    assertEquals(
        """
        images: # none yet
        - name: web
          newName: registry.example.com/shop/web
          digest: %s
        namespace: shop
        """
            .formatted(D),
        set("images: []  # none yet\nnamespace: shop\n"));
    assertEquals(
        """
        resources:
          - a.yaml
        images:
          - name: web
            newName: registry.example.com/shop/web
            digest: %s
          - name: db
            newTag: "15"
        """
            .formatted(D),
        set(
            "resources:\n  - a.yaml\nimages: [{name: web, newTag: v1}, {name: db, newTag: \"15\"}]\n"));
    assertEquals(
        """
        images:
        - name: web
          newName: registry.example.com/shop/web
          digest: %s"""
            .formatted(D),
        set("images:"));
  }

  @Test
  void keepsEmptyFlowEntriesWhenRewritingAsBlock() {
    assertEquals(
        "images:\n- {}\n- name: web\n  newName: " + NEW + "\n  digest: " + D + "\n",
        set("images: [{}]\n"));
  }

  @Test
  void editsFlowEntriesInPlace() {
    assertEquals(
        """
        images:
        - {name: web, newName: registry.example.com/shop/web, digest: %s} # web
        - {name: db, newTag: '15'}
        """
            .formatted(D),
        set("images:\n- {name: web, newTag: v1} # web\n- {name: db, newTag: '15'}\n"));
  }

  @Test
  void editsEveryEntryWithTheName() {
    String before =
        """
        images:
        - name: web
          newTag: a
        - name: web
          newName: x
          digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
        """;
    assertEquals(
        """
        images:
        - name: web
          newName: registry.example.com/shop/web
          digest: %1$s
        - name: web
          newName: registry.example.com/shop/web
          digest: %1$s
        """
            .formatted(D),
        set(before));
  }

  @Test
  void leavesNewNameAloneWhenNotGiven() {
    assertEquals(
        "images:\n- name: web\n  newName: keep/me\n  digest: " + D + "\n",
        KustomizationEditor.setImage(
            "images:\n- name: web\n  newName: keep/me\n  newTag: v2\n", "web", null, D));
  }

  @Test
  void failsWithOneLineNamingTheField() {
    assertEquals(
        "images in kustomization must be a list, found a mapping",
        assertThrows(IllegalArgumentException.class, () -> set("images:\n  web: x\n"))
            .getMessage());
    assertEquals(
        "images in kustomization must be a list, found a scalar (web)",
        assertThrows(IllegalArgumentException.class, () -> set("images: web\n")).getMessage());
    assertEquals(
        "images[1] in kustomization must be a mapping, found a scalar (web)",
        assertThrows(IllegalArgumentException.class, () -> set("images:\n- name: a\n- web\n"))
            .getMessage());
    assertEquals(
        "kustomization is not a mapping",
        assertThrows(IllegalArgumentException.class, () -> set("- a\n")).getMessage());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> set("images: [\n"));
    assertEquals(false, bad.getMessage().contains("\n"), bad.getMessage());
    assertEquals(
        true, bad.getMessage().startsWith("invalid YAML in kustomization: "), bad.getMessage());
  }

  @Test
  void keepsWindowsLineBreaks() {
    assertEquals(
        "images: # x\r\n- name: web\r\n  newName: "
            + NEW
            + "\r\n  digest: "
            + D
            + "\r\nkind: K\r\n",
        set("images: [] # x\r\nkind: K\r\n"));
    assertEquals(
        "images:\r\n- name: web\r\n  newName: "
            + NEW
            + "\r\n  digest: "
            + D
            + "\r\n"
            + "- name: db\r\n  newName: "
            + NEW
            + "\r\n  digest: "
            + D
            + "\r\n",
        KustomizationEditor.setImage(
            set("images:\r\n- name: web\r\n  newTag: v1\r\n"), "db", NEW, D));
  }

  @Test
  void replacesQuotedAndEmptyValuesKeepingTheirStyle() {
    assertEquals(
        "images:\n- name: web\n  newName: 'registry.example.com/shop/web'\n  digest: \""
            + D
            + "\"\n",
        set("images:\n- name: web\n  newName: 'x'\n  digest: \"sha256:old\"\n"));
    assertEquals(
        "images:\n- name: web\n  newName: " + NEW + "\n  digest: " + D + "\n",
        set("images:\n- name: web\n  newName:\n  digest:\n"));
  }

  @Test
  void isIdempotent() {
    for (String before :
        List.of(
            "",
            "images: []\n",
            "images:\n- name: web\n  newTag: v1\n",
            "images:\n  - newTag: v1\n    name: web\n",
            "images:\n- {name: web, newTag: v1}\n")) {
      String once = set(before);
      assertEquals(once, set(once), before);
    }
  }

  @Test
  void editsAnEntryWhoseKeysDifferInCaseAsKustomizeReadsIt() {
    String before =
        """
        Images:
          - Name: web
            NEWTAG: v1
        """;
    assertEquals(
        """
        Images:
          - Name: web
            newName: registry.example.com/shop/web
            digest: %s
        """
            .formatted(D),
        set(before));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> set("images:\n  - name: web\n    newTag: v1\n    newtag: v2\n"));
    assertEquals(
        "an images entry has two keys for newTag (newTag, newtag); write one", e.getMessage());
  }
}

package dev.hoist.yaml;

import java.util.Comparator;

/**
 * go-yaml v2's map key order for string keys (sorter.go): letters compare by code point, a
 * non-letter sorts before a letter, and runs of digits compare by numeric value. For keys made of
 * ASCII letters this is plain byte order.
 */
final class GoKeyOrder implements Comparator<String> {
  static final GoKeyOrder INSTANCE = new GoKeyOrder();

  private GoKeyOrder() {}

  /**
   * Sorts in place like Go's sort.Sort: by insertion for up to 12 keys (what pdqsort does for short
   * lists, so even key sets for which go-yaml's order is not transitive come out the same), else
   * with a merge sort.
   */
  static void sort(java.util.List<String> keys) {
    if (keys.size() > 12) {
      try {
        keys.sort(INSTANCE);
        return;
      } catch (IllegalArgumentException inconsistent) {
        // go-yaml's order is not transitive for some digit runs; fall back to insertion
      }
    }
    for (int i = 1; i < keys.size(); i++) {
      for (int j = i; j > 0 && less(keys.get(j), keys.get(j - 1)); j--) {
        keys.set(j, keys.set(j - 1, keys.get(j)));
      }
    }
  }

  @Override
  public int compare(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    return less(a, b) ? -1 : less(b, a) ? 1 : 0;
  }

  static boolean less(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }
}

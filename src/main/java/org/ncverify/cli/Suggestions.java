package org.ncverify.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * "Did you mean" for a mistyped command or option: the valid names within a small edit distance
 * of what was typed (Levenshtein distance at most max(2, length / 3)), closest first, or those
 * that start with it.
 */
final class Suggestions {
    private Suggestions() {
    }

    /** The names of {@code valid} close to {@code typed}, closest first (at most three). */
    static List<String> closest(String typed, Collection<String> valid) {
        int limit = Math.max(2, typed.length() / 3);
        List<String> out = new ArrayList<>();
        for (int d = 0; d <= limit && out.size() < 3; d++) {
            for (String v : valid) {
                if (distance(typed, v) == d && out.size() < 3) {
                    out.add(v);
                }
            }
        }
        if (out.isEmpty()) {
            for (String v : valid) {
                if (typed.length() >= 3 && v.startsWith(typed) && out.size() < 3) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The Levenshtein distance of two strings (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

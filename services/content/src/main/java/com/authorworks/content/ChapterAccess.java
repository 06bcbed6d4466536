package com.authorworks.content;

import java.util.List;

import com.authorworks.subscriptions.TierId;

/**
 * Who may read a released chapter besides its owner (issue 15 §5), as its author set it:
 * {@code PUBLIC} (every reader of the book, the default), {@code MEMBERS} (anyone holding a paid tier of the
 * author) or {@code TIERS} (members at one of {@code tiers} or above). An early-access cascade widens it over
 * time: each of {@code later} lets another tier (or, with no tier, any member) in {@code afterDays} after
 * the chapter's release, and {@code everyoneAfterDays} makes it public. {@link AccessPolicy#chapterDecision} decides.
 */
public record ChapterAccess(Visibility visibility, List<TierId> tiers, List<Step> later, Integer everyoneAfterDays) {

    public static final ChapterAccess PUBLIC = new ChapterAccess(Visibility.PUBLIC, List.of(), List.of(), null);

    public enum Visibility {
        PUBLIC, MEMBERS, TIERS
    }

    /** {@code tier} (or any member, when null) may read the chapter from {@code afterDays} after its release. */
    public record Step(TierId tier, int afterDays) {
    }

    public ChapterAccess {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        later = later == null ? List.of() : List.copyOf(later);
    }

    /** Every tier the rule names, at release or later: the ones a reader's membership is checked against. */
    public List<TierId> namedTiers() {
        return java.util.stream.Stream.concat(tiers.stream(), later.stream().map(Step::tier).filter(java.util.Objects::nonNull))
                .distinct().toList();
    }
}

package com.authorworks.content.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookId;
import com.authorworks.content.ChapterAccess;
import com.authorworks.content.ChapterId;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.Membership;
import com.authorworks.subscriptions.Memberships;
import com.authorworks.subscriptions.SubscriptionsUnavailableException;
import com.authorworks.subscriptions.TierId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chapter gating by membership (issue 15 §5): each chapter's {@link ChapterAccess} and the book's free
 * preview in PostgreSQL, and the {@link AccessPolicy#chapterDecision} for a caller, with what the
 * subscriptions service's {@link Memberships} contract says of them (asked once per tier per decision; a
 * process without it, or a service that cannot be reached, makes members-only chapters locked: it fails closed).
 * The time is the {@link Clock} bean's.
 */
@Component
public class ChapterGates {

    /** A teaser: about this many words of the chapter's beginning, as plain text. */
    static final int TEASER_WORDS = 150;
    static final int MAX_DAYS = 3650;
    static final int MAX_TIERS = 10;

    private static final Logger log = LoggerFactory.getLogger(ChapterGates.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final ObjectProvider<Memberships> memberships;
    private final Clock clock;

    ChapterGates(JdbcClient db, ObjectProvider<Memberships> memberships, ObjectProvider<Clock> clock) {
        this.db = db;
        this.memberships = memberships;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // --- the rules -----------------------------------------------------------------------------

    public ChapterAccess accessOf(ChapterId chapter) {
        return db.sql("SELECT access::text FROM content.chapters WHERE id = :id").param("id", chapter.value())
                .query(String.class).optional().map(ChapterGates::parse).orElse(ChapterAccess.PUBLIC);
    }

    public Map<ChapterId, ChapterAccess> accessOf(BookId book) {
        Map<ChapterId, ChapterAccess> rules = new HashMap<>();
        db.sql("SELECT id, access::text AS access FROM content.chapters WHERE book_id = :book").param("book", book.value())
                .query((rs, row) -> rules.put(new ChapterId(rs.getObject("id", UUID.class)), parse(rs.getString("access")))).list();
        return rules;
    }

    public int freePreview(BookId book) {
        return db.sql("SELECT free_preview_chapters FROM content.books WHERE id = :id").param("id", book.value())
                .query(Integer.class).optional().orElse(0);
    }

    @Transactional
    public void setFreePreview(Book book, int chapters) {
        if (chapters < 0 || chapters > 1000) {
            throw Problem.badRequest("invalid-free-preview", "The free preview is 0 to 1000 chapters.");
        }
        db.sql("UPDATE content.books SET free_preview_chapters = :n WHERE id = :id")
                .param("n", chapters).param("id", book.id().value()).update();
    }

    /**
     * Sets who may read the chapter, after checking the rule: a public chapter names nothing more; a members-only
     * one no tiers (every tier is a member); a tier-gated one 1–10 tiers of its author; later steps and the public
     * day come after release, in order ({@code 400 invalid-schedule}); a tier that is not one of the author's is
     * {@code 400 unknown-tier}.
     */
    @Transactional
    public ChapterAccess setAccess(Book book, Chapter chapter, ChapterAccess rule) {
        check(rule);
        for (TierId tier : rule.namedTiers()) {
            requireTierOf(book.owner(), tier);
        }
        db.sql("UPDATE content.chapters SET access = CAST(:access AS jsonb) WHERE id = :id")
                .param("access", rule.visibility() == ChapterAccess.Visibility.PUBLIC ? null : write(rule))
                .param("id", chapter.id().value()).update();
        return accessOf(chapter.id());
    }

    static void check(ChapterAccess rule) {
        if (rule.visibility() == null) {
            throw schedule("visibility is one of public, members, tiers.");
        }
        switch (rule.visibility()) {
            case PUBLIC -> {
                if (!rule.tiers().isEmpty() || !rule.later().isEmpty() || rule.everyoneAfterDays() != null) {
                    throw schedule("A public chapter is read by everyone from its release: it names no tiers, steps or public day.");
                }
            }
            case MEMBERS -> {
                if (!rule.tiers().isEmpty() || !rule.later().isEmpty()) {
                    throw schedule("A members-only chapter is open to every paid tier: it names no tiers or steps, only when everyone may read it.");
                }
            }
            case TIERS -> {
                if (rule.tiers().isEmpty() || rule.tiers().size() > MAX_TIERS) {
                    throw schedule("A tier-gated chapter names 1 to " + MAX_TIERS + " tiers.");
                }
                if (new HashSet<>(rule.tiers()).size() != rule.tiers().size()) {
                    throw schedule("A tier is named twice.");
                }
            }
        }
        if (rule.later().size() > MAX_TIERS) {
            throw schedule("At most " + MAX_TIERS + " early-access steps.");
        }
        Set<TierId> named = new HashSet<>(rule.tiers());
        int previous = 0;
        boolean anyMember = false;
        for (ChapterAccess.Step step : rule.later()) {
            if (step.afterDays() < 1 || step.afterDays() > MAX_DAYS) {
                throw schedule("An early-access step comes 1 to " + MAX_DAYS + " days after release.");
            }
            if (step.afterDays() <= previous) {
                throw schedule("Early-access steps come one after another: each later than the one before.");
            }
            if (anyMember || step.tier() != null && !named.add(step.tier())) {
                throw schedule("Each step lets in a tier not let in before (and nothing comes after \"any member\" but everyone).");
            }
            anyMember = step.tier() == null;
            previous = step.afterDays();
        }
        Integer everyone = rule.everyoneAfterDays();
        if (everyone != null && (everyone < 1 || everyone > MAX_DAYS || everyone <= previous)) {
            throw schedule("Everyone may read it 1 to " + MAX_DAYS + " days after release, and after the last early-access step.");
        }
    }

    private void requireTierOf(UserId author, TierId tier) {
        Memberships contract = memberships.getIfAvailable();
        if (contract == null) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "subscriptions-unavailable",
                    "Tiers cannot be checked here: the subscriptions service is not running with this one.");
        }
        try {
            contract.of(author, author, tier);
        } catch (Problem e) {
            if ("tier-not-found".equals(e.code())) {
                throw Problem.badRequest("unknown-tier", "Tier " + tier + " is not one of yours.");
            }
            throw e;
        } catch (SubscriptionsUnavailableException e) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "subscriptions-unavailable",
                    "Tiers cannot be checked just now: try again shortly.");
        }
    }

    private static Problem schedule(String detail) {
        return Problem.badRequest("invalid-schedule", detail);
    }

    // --- the decision --------------------------------------------------------------------------

    /** The policy's decision for each chapter, for this caller now (the reader's memberships asked once per tier). */
    public Map<ChapterId, AccessPolicy.ChapterDecision> decide(Book book, List<Chapter> chapters, Optional<CurrentUser> caller) {
        AccessPolicy.Access bookAccess = book.accessOf(caller);
        int freePreview = freePreview(book.id());
        Map<ChapterId, ChapterAccess> rules = bookAccess == AccessPolicy.Access.READ ? accessOf(book.id()) : Map.of();
        StandingLookup standing = new StandingLookup(caller.map(CurrentUser::id), book.owner());
        var now = clock.instant();
        Map<ChapterId, AccessPolicy.ChapterDecision> decisions = new LinkedHashMap<>();
        for (Chapter chapter : chapters) {
            ChapterAccess rule = rules.getOrDefault(chapter.id(), ChapterAccess.PUBLIC);
            AccessPolicy.Standing reader = rule.visibility() == ChapterAccess.Visibility.PUBLIC || chapter.number() <= freePreview
                    ? AccessPolicy.Standing.NONE : standing.of(rule.namedTiers());
            decisions.put(chapter.id(), AccessPolicy.chapterDecision(bookAccess, chapter.publication(), chapter.number(), freePreview,
                    rule, chapter.publishedAt(), reader, now));
        }
        return decisions;
    }

    public AccessPolicy.ChapterDecision decide(Book book, Chapter chapter, Optional<CurrentUser> caller) {
        return decide(book, List.of(chapter), caller).get(chapter.id());
    }

    /** The reader's standing with one author, asked of the contract at most once per tier. */
    private final class StandingLookup {

        private final Optional<UserId> fan;
        private final UserId author;
        private Membership membership;
        private final Map<TierId, Boolean> meets = new HashMap<>();
        private boolean unavailable;

        StandingLookup(Optional<UserId> fan, UserId author) {
            this.fan = fan;
            this.author = author;
        }

        AccessPolicy.Standing of(List<TierId> tiers) {
            Memberships contract = memberships.getIfAvailable();
            if (fan.isEmpty() || contract == null || unavailable) {
                return AccessPolicy.Standing.NONE;
            }
            try {
                if (membership == null) {
                    membership = contract.of(fan.get(), author, null);
                }
                if (!membership.member()) {
                    return AccessPolicy.Standing.NONE;
                }
                Set<TierId> met = new HashSet<>();
                for (TierId tier : tiers) {
                    if (meets.computeIfAbsent(tier, t -> meets(contract, t))) {
                        met.add(tier);
                    }
                }
                return new AccessPolicy.Standing(true, met);
            } catch (SubscriptionsUnavailableException e) {
                unavailable = true;
                log.warn("Memberships cannot be asked just now; gated chapters stay locked: {}", e.getMessage());
                return AccessPolicy.Standing.NONE;
            }
        }

        private boolean meets(Memberships contract, TierId tier) {
            if (tier.equals(membership.tier())) {
                return true;
            }
            try {
                return contract.of(fan.get(), author, tier).meetsTier();
            } catch (Problem e) {
                // a tier no longer the author's unlocks nothing
                return false;
            }
        }
    }

    // --- teasers -------------------------------------------------------------------------------

    /**
     * The chapter's first words, plain, across its scenes in order: {@value #TEASER_WORDS} or so, and never more
     * than a third of the chapter, so a short chapter is not given away whole.
     */
    public String teaser(ChapterId chapter) {
        List<String> contents = db.sql("SELECT content FROM content.scenes WHERE chapter_id = :id ORDER BY number")
                .param("id", chapter.value()).query(String.class).list();
        List<String> words = new ArrayList<>();
        scan:
        for (String html : contents) {
            for (String word : Jsoup.parse(html == null ? "" : html).text().split("\\s+")) {
                if (!word.isBlank()) {
                    words.add(word);
                    if (words.size() == 3 * TEASER_WORDS) {
                        break scan;
                    }
                }
            }
        }
        int shown = Math.min(TEASER_WORDS, words.size() / 3);
        return shown == 0 ? "" : String.join(" ", words.subList(0, shown)) + " …";
    }

    // --- JSON ----------------------------------------------------------------------------------

    static ChapterAccess parse(String json) {
        if (json == null) {
            return ChapterAccess.PUBLIC;
        }
        JsonNode root = JSON.readTree(json);
        List<TierId> tiers = new ArrayList<>();
        root.path("tiers").forEach(tier -> tiers.add(TierId.of(tier.asString())));
        List<ChapterAccess.Step> later = new ArrayList<>();
        root.path("later").forEach(step -> later.add(new ChapterAccess.Step(
                step.path("tier").isTextual() ? TierId.of(step.path("tier").asString()) : null, step.path("afterDays").asInt())));
        JsonNode everyone = root.path("everyoneAfterDays");
        return new ChapterAccess(ChapterAccess.Visibility.valueOf(root.path("visibility").asString("public").toUpperCase()),
                tiers, later, everyone.isNumber() ? everyone.asInt() : null);
    }

    static String write(ChapterAccess rule) {
        ObjectNode root = JSON.createObjectNode();
        root.put("visibility", rule.visibility().name().toLowerCase());
        ArrayNode tiers = root.putArray("tiers");
        rule.tiers().forEach(tier -> tiers.add(tier.toString()));
        ArrayNode later = root.putArray("later");
        rule.later().forEach(step -> {
            ObjectNode node = later.addObject();
            if (step.tier() == null) {
                node.putNull("tier");
            } else {
                node.put("tier", step.tier().toString());
            }
            node.put("afterDays", step.afterDays());
        });
        if (rule.everyoneAfterDays() == null) {
            root.putNull("everyoneAfterDays");
        } else {
            root.put("everyoneAfterDays", rule.everyoneAfterDays());
        }
        return JSON.writeValueAsString(root);
    }
}

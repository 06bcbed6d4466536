package com.authorworks.subscriptions.internal.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * {@code GET /api/v1/creators/{id}/earnings}: what fans paid a creator, read from the ledger: per
 * currency the gross (less refunds), the processor's fees, the platform's share and the creator's,
 * and the latest transactions. Only the creator sees it; to anyone else it does not exist.
 */
@RestController
class EarningsController {

    record TotalsView(String currency, long gross, long processorFees, long platform, long creator, long transactions) {
    }

    record EntryView(String id, String kind, String externalId, String currency, long gross, long processorFee, long platform,
                     long creator, Instant occurredAt, String mode) {
    }

    record EarningsView(String creatorId, int platformPercent, List<TotalsView> totals, List<EntryView> latest) {
    }

    private final Ledger ledger;

    EarningsController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/creators/{id}/earnings")
    EarningsView earnings(@PathVariable("id") UserId creator) {
        CurrentUser caller = CurrentUser.require();
        if (!caller.id().equals(creator)) {
            throw Problem.notFound("earnings-not-found", "There are no such earnings.");
        }
        return new EarningsView(creator.toString(), Split.PLATFORM_PERCENT,
                ledger.totals(creator).stream().map(t -> new TotalsView(t.currency(), t.gross(), t.fees(), t.platform(), t.creator(),
                        t.transactions())).toList(),
                ledger.entries(creator, 50).stream().map(e -> new EntryView(e.id().toString(), e.kind().name().toLowerCase(Locale.ROOT),
                        e.externalId(), e.currency(), e.gross(), e.fee(), e.platform(), e.creator(), e.occurredAt(),
                        e.provider().equals("test-mode") ? "test mode" : e.provider())).toList());
    }
}

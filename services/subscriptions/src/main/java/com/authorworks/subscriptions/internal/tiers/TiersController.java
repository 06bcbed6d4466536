package com.authorworks.subscriptions.internal.tiers;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.TierId;

/**
 * {@code /api/v1/creators/{id}/tiers}: anyone lists a creator's tiers; only the creator creates,
 * replaces and archives them (and sees archived ones and the welcome message).
 */
@RestController
@RequestMapping("/api/v1/creators/{id}/tiers")
class TiersController {

    /** Prices in minor units (cents): 1.00 to 10,000.00 a month, up to 120,000.00 a year. */
    record TierRequest(@NotBlank @Size(max = 80) String name,
                       @NotNull @Min(100) @Max(1_000_000) Long monthlyPrice,
                       @Min(100) @Max(12_000_000) Long annualPrice,
                       @NotBlank @Size(max = 3) String currency,
                       @Size(max = 20) List<@NotBlank @Size(max = 200) String> benefits,
                       @Min(1) @Max(1_000_000) Integer memberCap,
                       @Size(max = 2000) String welcomeMessage) {

        Tiers.Terms terms() {
            return new Tiers.Terms(name, monthlyPrice, annualPrice, currency, benefits, memberCap, welcomeMessage);
        }
    }

    /** A tier as the API shows it; the welcome message only to its creator (members read it on their subscription). */
    record TierView(String id, String creatorId, String name, long monthlyPrice, Long annualPrice, String currency,
                    List<String> benefits, Integer memberCap, String welcomeMessage, boolean archived, Instant createdAt,
                    Instant updatedAt) {

        static TierView of(Tier tier, Optional<CurrentUser> caller) {
            boolean creator = caller.filter(user -> user.id().equals(tier.creator())).isPresent();
            return new TierView(tier.id().toString(), tier.creator().toString(), tier.name(), tier.monthlyPrice(),
                    tier.annualPrice(), tier.currency(), tier.benefits(), tier.memberCap(), creator ? tier.welcomeMessage() : null,
                    tier.archived(), tier.createdAt(), tier.updatedAt());
        }
    }

    record TierList(String creatorId, List<TierView> items) {
    }

    private final Tiers tiers;
    private final SpringValidatorAdapter validator;

    TiersController(Tiers tiers, jakarta.validation.Validator validator) {
        this.tiers = tiers;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /**
     * Checked after who is asking: to someone who may not change the tiers, a body's flaws are none of
     * their business (they are told "forbidden", or "not found" for a tier that is not this creator's).
     */
    private Tiers.Terms valid(TierRequest body) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, "tier");
        validator.validate(body, errors);
        if (errors.hasFieldErrors()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "validation-failed", "Some fields are not valid.", Map.of("errors",
                    errors.getFieldErrors().stream().map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                            .toList()));
        }
        return body.terms();
    }

    @GetMapping
    TierList list(@PathVariable("id") UserId creator) {
        Optional<CurrentUser> caller = CurrentUser.find();
        boolean own = caller.filter(user -> user.id().equals(creator)).isPresent();
        return new TierList(creator.toString(), tiers.of(creator, own).stream().map(tier -> TierView.of(tier, caller)).toList());
    }

    @GetMapping("/{tierId}")
    TierView get(@PathVariable("id") UserId creator, @PathVariable("tierId") TierId id) {
        return TierView.of(tiers.require(creator, id), CurrentUser.find());
    }

    @PostMapping
    ResponseEntity<TierView> create(@PathVariable("id") UserId creator, @RequestBody TierRequest body) {
        CurrentUser caller = CurrentUser.require();
        Tiers.mustBeTheCreator(caller, creator);
        Tier tier = tiers.create(caller, creator, valid(body));
        return ResponseEntity.created(URI.create("/api/v1/creators/" + creator + "/tiers/" + tier.id()))
                .body(TierView.of(tier, Optional.of(caller)));
    }

    @PutMapping("/{tierId}")
    TierView update(@PathVariable("id") UserId creator, @PathVariable("tierId") TierId id, @RequestBody TierRequest body) {
        CurrentUser caller = CurrentUser.require();
        Tiers.mustBeTheCreator(caller, creator);
        tiers.require(creator, id);
        return TierView.of(tiers.update(caller, creator, id, valid(body)), Optional.of(caller));
    }

    @PostMapping("/{tierId}/archive")
    TierView archive(@PathVariable("id") UserId creator, @PathVariable("tierId") TierId id) {
        CurrentUser caller = CurrentUser.require();
        return TierView.of(tiers.archive(caller, creator, id), Optional.of(caller));
    }
}

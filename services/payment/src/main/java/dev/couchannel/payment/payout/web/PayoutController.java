package dev.couchannel.payment.payout.web;

import dev.couchannel.payment.payout.HostStatement;
import dev.couchannel.payment.payout.Payout;
import dev.couchannel.payment.payout.PayoutAccounts;
import dev.couchannel.payment.payout.PayoutStatus;
import dev.couchannel.payment.payout.Reconciliation;
import dev.couchannel.payment.payout.application.PayoutQueries;
import dev.couchannel.payment.web.MoneyView;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hosts read their payouts and set where they go; admins read the reconciliation report (ADR 18).
 * A host sees only their own: the host is always the caller.
 */
@RestController
class PayoutController {

    static final int MAX_LIMIT = 100;

    private final PayoutQueries queries;

    PayoutController(PayoutQueries queries) {
        this.queries = queries;
    }

    record PayoutView(
            UUID id,
            MoneyView amount,
            PayoutStatus status,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable String failureCode,
            @Nullable String failureReason,
            @Nullable String providerRef,
            Instant createdAt,
            @Nullable Instant paidAt) {
        static PayoutView of(Payout payout) {
            boolean paid = payout.status() == PayoutStatus.PAID;
            return new PayoutView(
                    payout.id(),
                    MoneyView.of(payout.amount()),
                    payout.status(),
                    payout.attempts(),
                    paid ? null : payout.nextAttemptAt(),
                    payout.failureCode(),
                    payout.failureReason(),
                    payout.providerRef(),
                    payout.createdAt(),
                    payout.paidAt());
        }
    }

    record UpcomingView(
            String sessionId, MoneyView amount, @Nullable Instant payableAt) {}

    record BalanceView(
            MoneyView due, MoneyView pending, @Nullable Instant nextPayableAt, List<UpcomingView> upcoming) {
        static BalanceView of(HostStatement.CurrencyBalance balance) {
            List<UpcomingView> upcoming = balance.upcoming().stream()
                    .map(u -> new UpcomingView(u.sessionId(), MoneyView.of(u.amount()), u.payableAt()))
                    .toList();
            Instant next = upcoming.stream()
                    .map(UpcomingView::payableAt)
                    .filter(at -> at != null)
                    .findFirst()
                    .orElse(null);
            return new BalanceView(MoneyView.of(balance.due()), MoneyView.of(balance.pending()), next, upcoming);
        }
    }

    record HostPayoutsResponse(
            String hostId, @Nullable String payoutAccount, List<BalanceView> balances, List<PayoutView> payouts) {}

    record PayoutAccountRequest(@Nullable String accountId) {}

    record PayoutAccountResponse(String hostId, String accountId) {}

    record CurrencyView(String currency, MoneyView sum, boolean balanced) {}

    record HostPayableView(String hostId, MoneyView ledger, MoneyView expected, MoneyView difference, boolean matches) {
        static HostPayableView of(Reconciliation.HostPayable host) {
            return new HostPayableView(
                    host.hostId(),
                    MoneyView.of(host.ledger()),
                    MoneyView.of(host.expected()),
                    MoneyView.of(host.difference()),
                    host.matches());
        }
    }

    record ReconciliationResponse(
            Instant checkedAt,
            boolean balanced,
            List<CurrencyView> currencies,
            List<HostPayableView> hosts,
            List<HostPayableView> mismatches) {}

    /** The caller's payouts (newest first, up to {@code limit}) and what is not paid out yet, per currency. */
    @GetMapping("/api/hosts/me/payouts")
    HostPayoutsResponse myPayouts(
            @RequestParam(name = "limit", required = false) @Nullable String limit, HttpServletRequest request) {
        Caller caller = Caller.require(request).requireRole("read payouts", Caller.HOST);
        int max = limit(limit);
        PayoutQueries.HostPayoutsView view = queries.ofHost(caller.id(), max);
        return new HostPayoutsResponse(
                view.hostId(),
                view.payoutAccount().orElse(null),
                view.statement().balances().stream().map(BalanceView::of).toList(),
                view.payouts().stream().map(PayoutView::of).toList());
    }

    /** Where the caller's payouts go (a provider's connected account id). */
    @PutMapping("/api/hosts/me/payout-account")
    PayoutAccountResponse setPayoutAccount(
            @RequestBody(required = false) @Nullable PayoutAccountRequest body, HttpServletRequest request) {
        Caller caller = Caller.require(request).requireRole("set a payout account", Caller.HOST);
        String account = body == null ? null : body.accountId();
        if (account == null || !PayoutAccounts.ACCOUNT_ID.matcher(account).matches()) {
            throw ApiProblem.badRequest("Send {\"accountId\": \"acct_...\"}: the payment provider's id of your "
                    + "connected account, 'acct_' and 1 to 64 letters, digits or underscores.");
        }
        queries.setPayoutAccount(caller.id(), account);
        return new PayoutAccountResponse(caller.id(), account);
    }

    /**
     * Every currency's accounts must sum to zero, and each host's payable in the ledger must equal
     * what the intents and payouts say; {@code mismatches} lists the hosts where it does not.
     */
    @GetMapping("/api/admin/reconciliation")
    ReconciliationResponse reconciliation(
            @RequestParam(name = "currency", required = false) @Nullable String currency, HttpServletRequest request) {
        Caller.require(request).requireRole("read the reconciliation", Caller.ADMIN);
        String only = currency == null ? null : currencyCode(currency);
        Reconciliation report = queries.reconcile();
        List<CurrencyView> currencies = report.currencies().stream()
                .filter(c -> only == null || c.currency().equals(only))
                .map(c -> new CurrencyView(c.currency(), MoneyView.of(c.sum()), c.balanced()))
                .toList();
        List<HostPayableView> hosts = report.hosts().stream()
                .filter(h -> only == null || h.currency().equals(only))
                .map(HostPayableView::of)
                .toList();
        List<HostPayableView> mismatches =
                hosts.stream().filter(h -> !h.matches()).toList();
        boolean balanced = currencies.stream().allMatch(CurrencyView::balanced) && mismatches.isEmpty();
        return new ReconciliationResponse(report.checkedAt(), balanced, currencies, hosts, mismatches);
    }

    private static int limit(@Nullable String limit) {
        if (limit == null) {
            return 20;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'.");
    }

    private static String currencyCode(String currency) {
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiProblem.badRequest("currency must be an ISO 4217 code such as EUR, got '" + currency + "'.");
    }
}

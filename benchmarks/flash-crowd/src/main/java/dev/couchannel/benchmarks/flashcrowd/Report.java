package dev.couchannel.benchmarks.flashcrowd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes one run's numbers to {@code results/<yyyy-mm-dd>-<label>.md}. */
final class Report {

    private Report() {}

    static Path write(
            FlashCrowd.Options options,
            String machine,
            String loadBefore,
            String loadAfter,
            String pgbenchVersion,
            List<FlashCrowd.Round> rounds)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Flash crowd: %s (%s)\n\n".formatted(options.label(), FlashCrowd.today()));
        md.append("- commit: `%s`\n".formatted(options.commit()));
        md.append("- machine: %s\n".formatted(machine));
        md.append("- load average (1/5/15 min) before the run: %s, after: %s\n".formatted(loadBefore, loadAfter));
        md.append("- settings: %d seats in one session, %d requests of 1 seat (pm_card_visa), %d concurrent clients "
                        .formatted(options.seats(), options.requests(), options.clients())
                + "through the gateway (`Prefer: wait=8`, repeated with the same Idempotency-Key while pending), %d warm-up bookings first, "
                        .formatted(options.warmup())
                + "%d rounds; PostgreSQL %s\n"
                        .formatted(
                                options.rounds(),
                                options.durable()
                                        ? "durable (fsync, synchronous_commit on: as `./couchannel up`)"
                                        : "fast (fsync off: as the tests)"));
        md.append("- pgbench: %s, %d clients, `-M prepared`, the bare booking transaction "
                        .formatted(pgbenchVersion, options.pgbenchClients())
                + "(`benchmarks/flash-crowd/src/main/resources/pgbench/booking.sql`) on one hot row, "
                + "same server, as long as the round's crowd took\n\n");

        md.append(
                "| round | confirmed/s | p50 ms | p99 ms | server p50/p99 ms | pgbench TPS | ratio "
                        + "| outcomes | sold out after s | CPU during the crowd: machine/stack/others | stack CPU ms per confirmed booking | CPU during pgbench: machine |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FlashCrowd.Round round : rounds) {
            md.append(
                    "| %d | **%.1f** | %.0f | %.0f | %.0f / %.0f | **%.0f** | **%.3f** | %s | %.1f | %s | %.0f | %s |\n"
                            .formatted(
                                    round.number(),
                                    round.confirmedPerSecond(),
                                    round.p50(),
                                    round.p99(),
                                    round.serverP50(),
                                    round.serverP99(),
                                    round.pgbench().tps(),
                                    round.ratio(),
                                    inline(round.outcomes()),
                                    round.sellOutSeconds(),
                                    cpu(round.crowdCpu()),
                                    round.cpuMillisPerBooking(),
                                    "%.0f%%".formatted(round.pgbenchCpu()[0] * 100)));
        }
        md.append(
                "\n- confirmed/s: confirmed bookings ÷ time from the first request to the last decision;\n"
                        + "  p50/p99: time from sending the POST to knowing CONFIRMED/REJECTED, as the client saw it;\n"
                        + "  server p50/p99: booking's `updated_at − created_at` of the decided bookings;\n"
                        + "  CPU: share of both cores busy (machine), used by this JVM + its PostgreSQL/Redis (stack), "
                        + "and by other processes (other engineers' builds);\n"
                        + "  stack CPU ms per confirmed booking: the stack's CPU time during the crowd ÷ bookings confirmed "
                        + "(less sensitive to the others' load than bookings/s);\n"
                        + "  during pgbench only the machine's total is meaningful (pgbench and its backends exit before the count).\n\n");
        md.append("The floor under any booking, measured after each round's pgbench: the same number of guests ask for "
                + "their bookings (`GET /api/bookings`: one authenticated request, one indexed read, no saga) as fast as "
                + "they are answered, 10 s through the gateway, then 10 s straight to booking.\n\n");
        md.append(
                "| round | through the gateway, requests/s | stack CPU ms per request | straight to booking, requests/s "
                        + "| ratio of the gateway's floor to pgbench |\n|---|---|---|---|---|\n");
        for (FlashCrowd.Round round : rounds) {
            md.append("| %d | %.0f | %.2f | %.0f | %.2f |\n"
                    .formatted(
                            round.number(),
                            round.floor().throughGateway(),
                            round.floor().cpuMillisThroughGateway(),
                            round.floor().straightToBooking(),
                            round.floor().throughGateway() / round.pgbench().tps()));
        }
        md.append('\n');
        for (FlashCrowd.Round round : rounds) {
            md.append("Round %d checks: %s  \n".formatted(round.number(), round.checks()));
            md.append("Round %d reasons of the others: %s  \n".formatted(round.number(), inline(round.reasons())));
        }
        md.append("\n<details><summary>pgbench output (last round)</summary>\n\n```\n");
        if (!rounds.isEmpty()) {
            md.append(rounds.getLast().pgbench().command()).append("\n\n");
            md.append(rounds.getLast().pgbench().output().strip()).append('\n');
        }
        md.append("```\n</details>\n");

        Files.createDirectories(options.results());
        Path file = options.results().resolve(FlashCrowd.today() + "-" + options.label() + ".md");
        Files.writeString(file, md.toString());
        return file;
    }

    private static String inline(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.entrySet().stream().limit(5).forEach(entry -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            String key = entry.getKey().isEmpty() ? "(none)" : entry.getKey();
            text.append(key.replace("|", "/")).append(": ").append(entry.getValue());
        });
        return text.toString();
    }

    private static String cpu(double[] shares) {
        return "%.0f%% / %.0f%% / %.0f%%".formatted(shares[0] * 100, shares[1] * 100, shares[2] * 100);
    }
}

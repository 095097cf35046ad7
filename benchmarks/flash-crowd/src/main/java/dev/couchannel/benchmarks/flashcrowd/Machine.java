package dev.couchannel.benchmarks.flashcrowd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the machine is and how busy it was: the benchmark shares 2 cores with whoever else is
 * compiling, so every measurement records how much CPU went to the stack and how much to others.
 */
final class Machine {

    private Machine() {}

    static String describe() {
        String cpu = lines("/proc/cpuinfo").stream()
                .filter(line -> line.startsWith("model name"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
        String memory = lines("/proc/meminfo").stream()
                .filter(line -> line.startsWith("MemTotal"))
                .findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
                .orElse("unknown memory");
        return "%d cores (%s), %s RAM, %s %s, JDK %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        cpu,
                        memory,
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        Runtime.version());
    }

    static String loadAverage() {
        List<String> load = lines("/proc/loadavg");
        return load.isEmpty()
                ? "?"
                : String.join(" ", List.of(load.getFirst().split(" ")).subList(0, 3));
    }

    /** CPU ticks so far: the whole machine (busy, total) and this JVM with its children (PostgreSQL, Redis). */
    record Ticks(long busy, long total, long ours) {

        static Ticks now() {
            String[] cpu = lines("/proc/stat").getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long ours = Stream.concat(
                            Stream.of(ProcessHandle.current()),
                            ProcessHandle.current().descendants())
                    .mapToLong(process -> processTicks(process.pid()))
                    .sum();
            return new Ticks(total - idle, total, ours);
        }

        /** Share of all cores used between {@code this} and {@code later}: [machine busy, ours, others]. */
        double[] until(Ticks later) {
            double total = later.total - this.total;
            if (total <= 0) {
                return new double[] {0, 0, 0};
            }
            double busy = (later.busy - this.busy) / total;
            double ours = Math.min(busy, (later.ours - this.ours) / total);
            return new double[] {busy, ours, Math.max(0, busy - ours)};
        }

        private static long processTicks(long pid) {
            List<String> stat = lines("/proc/" + pid + "/stat");
            if (stat.isEmpty()) {
                return 0;
            }
            String line = stat.getFirst();
            // fields after the command name, which may contain spaces: state is field 3, utime 14, stime 15
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}

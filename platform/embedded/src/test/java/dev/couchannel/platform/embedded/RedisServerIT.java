package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerIT {

    @TempDir
    Path tmp;

    @Test
    void storesValuesAndReleasesItsPortOnClose() throws IOException {
        RedisServer redis = RedisServer.start(null, 0);
        Path dir = redis.dir();

        assertThat(command(redis, "SET", "seat:12A", "held")).isEqualTo("+OK");
        assertThat(command(redis, "GET", "seat:12A")).isEqualTo("held");

        redis.close();
        redis.close();

        assertThat(Ports.isFree(redis.port())).isTrue();
        assertThat(dir).doesNotExist();
    }

    @Test
    void anOrphanIsStoppedByTheNextStartAndItsSnapshotKept() throws IOException {
        Path dir = tmp.resolve("redis");
        RedisServer leaked = RedisServer.start(dir, 0);
        command(leaked, "SET", "seat:12A", "held");
        ProcessHandle orphan = ProcessHandle.of(Long.parseLong(
                        Files.readString(dir.resolve("redis.pid")).trim()))
                .orElseThrow();

        try (RedisServer redis = RedisServer.start(dir, leaked.port())) {
            assertThat(OrphanProcess.isRunning(orphan)).isFalse();
            assertThat(redis.port()).isEqualTo(leaked.port());
            assertThat(command(redis, "GET", "seat:12A")).isEqualTo("held");

            leaked.close(); // its process is gone already; must not disturb the new server

            assertThat(command(redis, "PING")).isEqualTo("+PONG");
        }
    }

    /** Sends one RESP command; returns a simple reply as "+OK" and a bulk string as its content. */
    static String command(RedisServer redis, String... words) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$')
                        .append(word.getBytes(StandardCharsets.UTF_8).length)
                        .append("\r\n")
                        .append(word)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String reply = in.readLine();
            return reply.startsWith("$") && !reply.equals("$-1") ? in.readLine() : reply;
        }
    }
}

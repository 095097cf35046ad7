package dev.couchannel.platform.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The developer's mailbox: every mail the local {@link SmtpServer} received, readable in a browser
 * on 127.0.0.1. {@code /} lists them newest first, {@code /messages/{n}} shows one (its text, its
 * HTML in a sandboxed frame without scripts, its attachments), {@code /messages/{n}/parts/{m}}
 * downloads an attachment such as a calendar invite, and {@code /api/messages} lists them as JSON
 * for scripts. Mail lives in the SMTP server's memory: a restart of the stack empties the mailbox.
 */
public final class Mailbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);
    private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d+)");
    private static final Pattern ATTACHMENT = Pattern.compile("/messages/(\\d+)/parts/(\\d+)");
    private static final DateTimeFormatter SENT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final SmtpServer smtp;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private Mailbox(SmtpServer smtp, HttpServer server) {
        this.smtp = smtp;
        this.server = server;
    }

    /**
     * Serves the mailbox of {@code smtp} on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     */
    public static Mailbox start(SmtpServer smtp, int port) {
        if (port != 0 && !Ports.isFree(port)) {
            throw new PortInUseException(port, "mailbox", null);
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            Mailbox mailbox = new Mailbox(smtp, server);
            server.createContext("/", mailbox::handle);
            server.setExecutor(mailbox.executor);
            server.start();
            LOG.info("mailbox on http://localhost:{}", mailbox.port());
            return mailbox;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the mailbox on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain; charset=utf-8", bytes("The mailbox is read-only: GET only."));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            List<SmtpServer.ReceivedMail> mails = smtp.receivedMessages();
            Matcher message = MESSAGE.matcher(path);
            Matcher attachment = ATTACHMENT.matcher(path);
            if (path.equals("/")) {
                respond(exchange, 200, "text/html; charset=utf-8", bytes(list(mails)));
            } else if (path.equals("/api/messages")) {
                respond(exchange, 200, "application/json", bytes(json(mails)));
            } else if (message.matches() && exists(mails, message.group(1))) {
                int n = Integer.parseInt(message.group(1));
                respond(exchange, 200, "text/html; charset=utf-8", bytes(page(n, mails.get(n))));
            } else if (attachment.matches() && exists(mails, attachment.group(1))) {
                List<Part> parts = attachments(
                        mails.get(Integer.parseInt(attachment.group(1))).message());
                int m = Integer.parseInt(attachment.group(2));
                if (m >= parts.size()) {
                    respond(exchange, 404, "text/plain; charset=utf-8", bytes("No such attachment."));
                    return;
                }
                Part part = parts.get(m);
                exchange.getResponseHeaders()
                        .set("Content-Disposition", "attachment; filename=\"" + fileName(part, m) + "\"");
                try (InputStream in = part.getInputStream()) {
                    respond(exchange, 200, baseType(part.getContentType()), in.readAllBytes());
                }
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", bytes("No such page or message."));
            }
        } catch (MessagingException e) {
            respond(exchange, 500, "text/plain; charset=utf-8", bytes("The message could not be read: " + e));
        }
    }

    private static boolean exists(List<?> mails, String index) {
        return index.length() < 9 && Integer.parseInt(index) < mails.size();
    }

    private static String list(List<SmtpServer.ReceivedMail> mails) throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (int n = mails.size() - 1; n >= 0; n--) {
            SmtpServer.ReceivedMail mail = mails.get(n);
            rows.append("<tr><td>%s</td><td>%s</td><td>%s</td><td><a href=\"/messages/%d\">%s</a></td></tr>\n"
                    .formatted(
                            escape(sent(mail.message())),
                            escape(mail.from()),
                            escape(String.join(", ", mail.to())),
                            n,
                            escape(mail.subject() == null ? "(no subject)" : mail.subject())));
        }
        String table = mails.isEmpty()
                ? "<p>No mail yet. Book a seat, and the confirmation lands here.</p>"
                : "<table><thead><tr><th>Sent</th><th>From</th><th>To</th><th>Subject</th></tr></thead><tbody>\n" + rows
                        + "</tbody></table>";
        return html("Mailbox (" + mails.size() + ")", "<h1>couchannel mailbox</h1>\n" + table);
    }

    private static String page(int n, SmtpServer.ReceivedMail mail) throws MessagingException, IOException {
        MimeMessage message = mail.message();
        StringBuilder body = new StringBuilder("<p><a href=\"/\">&larr; all mail</a></p>\n");
        body.append("<h1>").append(escape(mail.subject())).append("</h1>\n<dl>");
        body.append("<dt>From</dt><dd>").append(escape(mail.from())).append("</dd>");
        body.append("<dt>To</dt><dd>")
                .append(escape(String.join(", ", mail.to())))
                .append("</dd>");
        body.append("<dt>Sent</dt><dd>").append(escape(sent(message))).append("</dd>");
        String language = message.getHeader("Content-Language", null);
        if (language != null) {
            body.append("<dt>Language</dt><dd>").append(escape(language)).append("</dd>");
        }
        String unsubscribe = message.getHeader("List-Unsubscribe", null);
        if (unsubscribe != null) {
            body.append("<dt>List-Unsubscribe</dt><dd>")
                    .append(escape(unsubscribe))
                    .append("</dd>");
        }
        body.append("</dl>\n");
        String html = firstOfType(message, "text/html");
        if (html != null) {
            // the mail's own HTML, shown as the recipient sees it; no scripts, no access to this page
            body.append("<h2>HTML</h2>\n<iframe sandbox title=\"The mail as HTML\" srcdoc=\"")
                    .append(escape(html))
                    .append("\"></iframe>\n");
        }
        String text = firstOfType(message, "text/plain");
        if (text != null) {
            body.append("<h2>Text</h2>\n<pre>").append(escape(text)).append("</pre>\n");
        }
        List<Part> parts = attachments(message);
        if (!parts.isEmpty()) {
            body.append("<h2>Attachments</h2>\n<ul>");
            for (int m = 0; m < parts.size(); m++) {
                body.append("<li><a href=\"/messages/%d/parts/%d\">%s</a> (%s)</li>"
                        .formatted(
                                n,
                                m,
                                escape(fileName(parts.get(m), m)),
                                escape(baseType(parts.get(m).getContentType()))));
            }
            body.append("</ul>\n");
        }
        return html(mail.subject(), body.toString());
    }

    private static String json(List<SmtpServer.ReceivedMail> mails) throws MessagingException {
        StringBuilder json = new StringBuilder("[");
        for (int n = 0; n < mails.size(); n++) {
            SmtpServer.ReceivedMail mail = mails.get(n);
            json.append(n == 0 ? "" : ",")
                    .append("{\"id\":%d,\"from\":%s,\"to\":[%s],\"subject\":%s,\"sent\":%s}"
                            .formatted(
                                    n,
                                    quote(mail.from()),
                                    String.join(
                                            ",",
                                            mail.to().stream()
                                                    .map(Mailbox::quote)
                                                    .toList()),
                                    quote(mail.subject()),
                                    quote(sent(mail.message()))));
        }
        return json.append("]").toString();
    }

    /** The first body part of a MIME type that is not an attachment. */
    private static String firstOfType(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = firstOfType(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        return !attached && part.isMimeType(type) ? String.valueOf(part.getContent()) : null;
    }

    private static List<Part> attachments(Part part) throws MessagingException {
        List<Part> found = new ArrayList<>();
        collectAttachments(part, found);
        return found;
    }

    private static void collectAttachments(Part part, List<Part> found) throws MessagingException {
        try {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collectAttachments(child, found);
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                found.add(part);
            }
        } catch (IOException e) {
            throw new MessagingException("unreadable part", e);
        }
    }

    private static String fileName(Part part, int index) throws MessagingException {
        String name = part.getFileName();
        String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "attachment-" + index : safe;
    }

    private static String baseType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static String sent(MimeMessage message) throws MessagingException {
        Date date = message.getSentDate();
        return date == null ? "" : SENT.format(date.toInstant());
    }

    private static String html(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1f24; }
                table { border-collapse: collapse; width: 100%%; }
                th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
                a { color: #0b57d0; }
                dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
                dt { font-weight: 600; }
                dd { margin: 0; }
                pre { white-space: pre-wrap; background: #f6f8fa; padding: 1rem; border-radius: 6px; }
                iframe { width: 100%%; height: 28rem; border: 1px solid #d0d7de; border-radius: 6px; }
                </style></head>
                <body><main>
                %s
                </main></body></html>
                """.formatted(escape(title), body);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append("\\u%04x".formatted((int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // the page itself runs no script; the mail's HTML is in a sandboxed frame
        exchange.getResponseHeaders()
                .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

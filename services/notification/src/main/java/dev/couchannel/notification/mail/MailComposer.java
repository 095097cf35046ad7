package dev.couchannel.notification.mail;

import dev.couchannel.notification.preferences.UnsubscribeTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mails and in-app texts in the user's language from {@code mail/messages*.properties}
 * and the Thymeleaf templates {@code mail/mail.html} and {@code mail/mail.txt}.
 */
@Component
public class MailComposer {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final UnsubscribeTokens tokens;
    private final String publicUrl;

    MailComposer(UnsubscribeTokens tokens, @Value("${couchannel.notification.public-url}") String publicUrl) {
        this.tokens = tokens;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        messages.setBasename("mail/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }

    /** A short text in the user's language, e.g. for the in-app inbox. */
    public String text(Template template, String part, String locale, Object... args) {
        return messages.getMessage("mail." + template.key() + "." + part, args, Locale.forLanguageTag(locale));
    }

    /**
     * A moment as the user reads it: in their language and time zone, with the zone named, e.g.
     * {@code 28 lis 2026, 20:45 (Europe/Warsaw)}.
     */
    public static String time(Instant instant, String locale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(Locale.forLanguageTag(locale))
                        .withZone(zone)
                        .format(instant)
                        .replace('\u202f', ' ')
                + " (" + zone.getId() + ")";
    }

    /** A link a mail offers, e.g. one per score of a survey. */
    public record Link(String label, String url) {}

    /**
     * @param args the template's message arguments ({0} match, {1} kickoff, {2} location, {3} seats,
     *     {4} the template's own fact: reason, refund, expiry)
     */
    public MailDraft compose(
            String dedupeKey,
            Template template,
            String recipient,
            String locale,
            @Nullable String ics,
            Object... args) {
        return compose(dedupeKey, template, recipient, locale, ics, java.util.List.of(), args);
    }

    /** A mail that also offers {@code links} (in the HTML as buttons, in the text one per line). */
    public MailDraft compose(
            String dedupeKey,
            Template template,
            String recipient,
            String locale,
            @Nullable String ics,
            java.util.List<Link> links,
            Object... args) {
        Locale language = Locale.forLanguageTag(locale);
        String unsubscribeUrl = publicUrl + "/api/notifications/unsubscribe?token="
                + URLEncoder.encode(tokens.issue(recipient, template.category()), StandardCharsets.UTF_8);
        Context context = new Context(language);
        context.setVariable("heading", text(template, "heading", locale, args));
        context.setVariable("body", text(template, "body", locale, args));
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        context.setVariable("category", template.category().key());
        context.setVariable("links", links);
        return new MailDraft(
                dedupeKey,
                template,
                recipient,
                text(template, "subject", locale, args),
                engine.process("mail.txt", context),
                engine.process("mail.html", context),
                ics,
                unsubscribeUrl);
    }
}

package dev.couchannel.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Serves the public API contract shipped by {@code couchannel-contracts}: the YAML as written,
 * the same document as JSON for tools, and a plain HTML list of the operations. The page is
 * rendered here without scripts or CDN assets, so it works offline and under the gateway's
 * {@code Content-Security-Policy}.
 */
@RestController
class OpenApiDocument {

    static final String CONTRACT = "contracts/openapi/couchannel.yaml";
    private static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final byte[] yaml;
    private final byte[] json;
    private final byte[] html;

    OpenApiDocument() {
        this.yaml = read(CONTRACT);
        JsonNode document = YAMLMapper.builder().build().readTree(yaml);
        this.json = JsonMapper.builder().build().writeValueAsBytes(document);
        this.html = render(document).getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/api/openapi.json")
    ResponseEntity<byte[]> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    @GetMapping("/api/openapi.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(YAML).body(yaml);
    }

    @GetMapping("/api/docs")
    ResponseEntity<byte[]> docs() {
        return ResponseEntity.ok().contentType(HTML).body(html);
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is missing; is couchannel-contracts on the classpath?", e);
        }
    }

    private static String render(JsonNode document) {
        String title = document.path("info").path("title").asString("couchannel API");
        String version = document.path("info").path("version").asString("");
        StringBuilder page = new StringBuilder()
                .append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title))
                .append("</title>\n</head>\n<body>\n<h1>")
                .append(escape(title))
                .append(' ')
                .append(escape(version))
                .append("</h1>\n<p>Machine-readable: <a href=\"/api/openapi.json\">openapi.json</a>, ")
                .append("<a href=\"/api/openapi.yaml\">openapi.yaml</a>.</p>\n")
                .append("<table>\n<thead><tr><th>Method</th><th>Path</th><th>Summary</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                page.append("<tr><td><code>")
                        .append(escape(operation.getKey().toUpperCase(Locale.ROOT)))
                        .append("</code></td><td><code>")
                        .append(escape(path.getKey()))
                        .append("</code></td><td>")
                        .append(escape(operation.getValue().path("summary").asString("")))
                        .append("</td></tr>\n");
            }
        }
        return page.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}

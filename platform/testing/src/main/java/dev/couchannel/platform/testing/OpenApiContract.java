package dev.couchannel.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks a service's public endpoints against {@code contracts/openapi/couchannel.yaml}: every
 * {@code /api/**} operation a controller serves must be documented there, so an endpoint cannot
 * ship without its contract changing in the same commit.
 */
public final class OpenApiContract {

    private OpenApiContract() {}

    /** The operations ({@code "GET /api/bookings/{id}"}) the service serves but the contract lacks. */
    public static List<String> undocumented(RequestMappingHandlerMapping mappings) {
        JsonNode paths = document().path("paths");
        List<String> missing = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (paths.path(path)
                            .path(method.name().toLowerCase(Locale.ROOT))
                            .isMissingNode()) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        return missing;
    }

    /**
     * Fails unless the service serves some {@code /api/**} operation and every one of them is in
     * the contract (a check over no operation would prove nothing).
     */
    public static void assertDocumented(RequestMappingHandlerMapping mappings) {
        if (apiOperations(mappings) == 0) {
            throw new AssertionError("the service serves no /api/** operation: nothing was checked");
        }
        List<String> missing = undocumented(mappings);
        if (!missing.isEmpty()) {
            throw new AssertionError("not in contracts/openapi/couchannel.yaml: " + missing);
        }
    }

    /** How many {@code /api/**} operations the service serves (so a check over none fails). */
    public static long apiOperations(RequestMappingHandlerMapping mappings) {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(path -> path.startsWith("/api/"))
                .count();
    }

    static JsonNode document() {
        try (InputStream yaml = OpenApiContract.class.getResourceAsStream("/contracts/openapi/couchannel.yaml")) {
            if (yaml == null) {
                throw new IllegalStateException("contracts/openapi/couchannel.yaml is not on the classpath");
            }
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

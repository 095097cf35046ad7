package dev.couchannel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document and the Protobuf schemas describe the same messages and topics. */
class AsyncApiContractTest {

    static final List<FileDescriptor> SCHEMAS = List.of(
            dev.couchannel.contracts.inventory.v1.Seats.getDescriptor(),
            dev.couchannel.contracts.inventory.v1.Events.getDescriptor(),
            dev.couchannel.contracts.booking.v1.Events.getDescriptor(),
            dev.couchannel.contracts.payment.v1.Payments.getDescriptor(),
            dev.couchannel.contracts.pricing.v1.Pricing.getDescriptor(),
            dev.couchannel.contracts.compliance.v1.ComplianceOuterClass.getDescriptor(),
            dev.couchannel.contracts.hosting.v1.Venues.getDescriptor(),
            dev.couchannel.contracts.audit.v1.Audit.getDescriptor(),
            dev.couchannel.contracts.review.v1.Reviews.getDescriptor(),
            dev.couchannel.contracts.payment.v1.Payouts.getDescriptor(),
            dev.couchannel.contracts.analytics.v1.Surveys.getDescriptor());

    @Test
    void everyMessageIsDocumentedAndEveryDocumentedMessageExists() throws Exception {
        Set<String> documented = new TreeSet<>();
        asyncApi()
                .path("components")
                .path("messages")
                .forEach(message -> documented.add(message.path("name").asString()));

        Set<String> defined = new TreeSet<>();
        SCHEMAS.forEach(file ->
                file.getMessageTypes().stream().map(Descriptor::getFullName).forEach(defined::add));
        // A file may also hold a gRPC API (hosting's venues.proto): its requests and responses, and
        // the messages inside them, are not topic messages (an event may still embed one).
        defined.removeAll(grpcApi());

        assertThat(defined).hasSizeGreaterThanOrEqualTo(13);
        assertThat(documented).isEqualTo(defined);
    }

    @Test
    void everyTopicConstantIsAChannelAddress() throws Exception {
        List<String> addresses = new ArrayList<>();
        asyncApi()
                .path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asString()));

        assertThat(addresses)
                .containsExactlyInAnyOrder(
                        Topics.INVENTORY_COMMANDS,
                        Topics.INVENTORY_EVENTS,
                        Topics.PAYMENT_COMMANDS,
                        Topics.PRICING_COMMANDS,
                        Topics.COMPLIANCE_COMMANDS,
                        Topics.BOOKING_REPLIES,
                        Topics.BOOKING_EVENTS,
                        Topics.HOSTING_EVENTS,
                        Topics.AUDIT_EVENTS,
                        Topics.REVIEW_EVENTS,
                        Topics.PAYMENT_EVENTS,
                        Topics.ANALYTICS_EVENTS);
    }

    /** The requests and responses of the rpc methods in {@link #SCHEMAS}, and the messages inside them. */
    private static Set<String> grpcApi() {
        Set<String> api = new TreeSet<>();
        SCHEMAS.forEach(file -> file.getServices()
                .forEach(service -> service.getMethods().forEach(method -> {
                    reachable(method.getInputType(), api);
                    reachable(method.getOutputType(), api);
                })));
        return api;
    }

    private static void reachable(Descriptor message, Set<String> seen) {
        if (seen.add(message.getFullName())) {
            message.getFields().stream()
                    .filter(field -> field.getJavaType() == FieldDescriptor.JavaType.MESSAGE)
                    .forEach(field -> reachable(field.getMessageType(), seen));
        }
    }

    private static JsonNode asyncApi() throws Exception {
        try (InputStream yaml = AsyncApiContractTest.class.getResourceAsStream("/contracts/asyncapi/couchannel.yaml")) {
            return new YAMLMapper().readTree(yaml);
        }
    }
}

package dev.couchannel.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The public read API over the demo calendar. */
@SpringBootTest(
        classes = InventoryApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=inventory", "spring.grpc.server.port=0", "couchannel.demo.enabled=true"})
class InventoryApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "inventory_api");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    GrpcServerLifecycle grpc;

    @Autowired
    Sessions sessions;

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsTheDemoFixturesByCompetition() throws Exception {
        HttpResponse<String> response = get("/api/fixtures?competition=Ekstraklasa");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Legia Warszawa").doesNotContain("Arsenal");
        assertThat(response.body()).contains("\"territory\":\"PL\"").contains("\"kickoff\":\"");
    }

    @Test
    void listsPublishedSessionsWithSeatsLeftAndMoney() throws Exception {
        HttpResponse<String> response = get("/api/sessions?status=PUBLISHED&size=5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"total\":12")
                .contains("\"seatsLeft\":")
                .contains("\"pricePerSeat\":{\"amount\":\"");
    }

    @Test
    void badQueryParametersAreProblems() throws Exception {
        for (String path : new String[] {
            "/api/sessions?size=100000",
            "/api/sessions?page=-1",
            "/api/sessions?fixtureId=nope",
            "/api/fixtures?from=yesterday"
        }) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void anUnknownSessionIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/api/sessions/00000000-0000-0000-0000-000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("No session with id");
    }

    @Test
    void grpcCallsWithoutAServiceTokenAreRefused() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", grpc.getPort())
                .usePlaintext()
                .build();
        try {
            GetSessionRequest request = GetSessionRequest.newBuilder()
                    .setSessionId(UUID.randomUUID().toString())
                    .build();
            SessionCatalogGrpc.SessionCatalogBlockingStub anonymous =
                    SessionCatalogGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> anonymous.getSession(request))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

            // a guest's token is genuine, but gRPC is for services only
            io.grpc.Metadata guest = new io.grpc.Metadata();
            guest.put(
                    io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
                    TestTokens.bearer("guest@example.com"));
            assertThatThrownBy(() -> anonymous
                            .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(guest))
                            .getSession(request))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void servesSessionDetailsOverGrpc() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", grpc.getPort())
                .usePlaintext()
                .build();
        try {
            SessionCatalogGrpc.SessionCatalogBlockingStub catalog = SessionCatalogGrpc.newBlockingStub(channel)
                    .withCallCredentials(TestTokens.serviceCredentials())
                    .withDeadlineAfter(5, TimeUnit.SECONDS);
            String demoSession = sessions.list(new Sessions.Query(null, null, null, 0, 1))
                    .getFirst()
                    .id()
                    .toString();

            SessionDetails details = catalog.getSession(
                    GetSessionRequest.newBuilder().setSessionId(demoSession).build());

            assertThat(details.getId()).isEqualTo(demoSession);
            assertThat(details.getFixture().getCompetition()).isNotBlank();
            assertThat(details.getSeats()).isPositive();
            assertThatThrownBy(() -> catalog.getSession(GetSessionRequest.newBuilder()
                            .setSessionId(UUID.randomUUID().toString())
                            .build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
            assertThatThrownBy(() -> catalog.getSession(
                            GetSessionRequest.newBuilder().setSessionId("nope").build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void isHealthyAndReady() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/readinessz");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"").contains("\"kafka\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

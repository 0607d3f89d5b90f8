package dev.leaderboard.bench.ingestion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngressAdminTest {

    @Test
    void aServerWithoutTheKafkaIngressIsToldApartFromOtherFailures() {
        assertThatCode(() -> IngressAdmin.check(IngressAdmin.RESUME, 202, "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> IngressAdmin.check(IngressAdmin.RESUME, 404, "{}"))
                .isInstanceOf(IngressAdmin.NoKafkaIngress.class)
                .hasMessageContaining("POST /api/v1/admin/ingress/kafka/resume answered 404")
                .hasMessageContaining("Kafka ingress consumer");
        assertThatThrownBy(() -> IngressAdmin.check(IngressAdmin.PAUSE, 403, "forbidden"))
                .isNotInstanceOf(IngressAdmin.NoKafkaIngress.class)
                .hasMessageContaining("answered 403: forbidden");
    }
}

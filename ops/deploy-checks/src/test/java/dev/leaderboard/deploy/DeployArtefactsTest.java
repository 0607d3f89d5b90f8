package dev.leaderboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files are checked by the build, with no Docker engine and no network: the Compose file against the
 * Compose Specification's JSON schema (kept in ops/deploy/schemas), the Kubernetes manifests against the API types,
 * and what ties them together (selectors, scale targets, mounted files, rule files).
 */
class DeployArtefactsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theComposeFileMatchesTheComposeSpecification() {
        JsonSchema schema = composeSchema();
        Set<ValidationMessage> problems = schema.validate(JSON.valueToTree(compose()));

        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMistake() {
        JsonSchema schema = composeSchema();
        Map<String, Object> broken = compose();
        @SuppressWarnings("unchecked")
        Map<String, Object> redis = (Map<String, Object>) ((Map<String, Object>) broken.get("services")).get("redis");
        redis.put("restart_policy", "always");

        assertThat(schema.validate(JSON.valueToTree(broken))).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeServicesDependOnServicesThatExistAndMountFilesThatExist() {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> definition = (Map<String, Object>) service.getValue();
            Object dependsOn = definition.getOrDefault("depends_on", List.of());
            Iterable<String> names = dependsOn instanceof Map<?, ?> map ? (Iterable<String>) map.keySet()
                    : (List<String>) dependsOn;
            names.forEach(name -> assertThat(services).as(service.getKey() + " depends on " + name)
                    .containsKey(name));
            for (Object volume : (List<Object>) definition.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(DEPLOY.resolve(source)).as(service.getKey() + " mounts " + source).exists();
                }
            }
        }
        assertThat(services).containsKeys("leaderboard-command", "leaderboard-query", "prometheus", "grafana");
    }

    @Test
    void everyKubernetesManifestIsAValidApiObjectWithNoUnknownField() throws IOException {
        List<HasMetadata> objects = kubernetesObjects();

        assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "Service", "ConfigMap",
                "HorizontalPodAutoscaler", "PodDisruptionBudget");
        for (HasMetadata object : objects) {
            assertThat(KubernetesObjects.unknownFields(object)).as(object.getKind() + " " + object.getMetadata()
                    .getName()).isEmpty();
            assertThat(object.getMetadata().getName()).isNotBlank();
        }
    }

    @Test
    void anUnknownKubernetesFieldIsReported() {
        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"), "spec", Map.of("replica", 2));

        assertThat(KubernetesObjects.unknownFields(KubernetesObjects.read(deployment)))
                .containsExactly("Deployment.spec.replica");
    }

    @Test
    void autoscalersAndDisruptionBudgetsTargetTheDeployments() throws IOException {
        List<HasMetadata> objects = kubernetesObjects();
        List<Deployment> deployments = objects.stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).toList();

        for (Deployment deployment : deployments) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        }
        List<HorizontalPodAutoscaler> autoscalers = objects.stream()
                .filter(HorizontalPodAutoscaler.class::isInstance).map(HorizontalPodAutoscaler.class::cast).toList();
        assertThat(autoscalers).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(deployments.stream().map(d -> d.getMetadata().getName())
                        .toList());
        for (PodDisruptionBudget budget : objects.stream().filter(PodDisruptionBudget.class::isInstance)
                .map(PodDisruptionBudget.class::cast).toList()) {
            assertThat(deployments).as(budget.getMetadata().getName() + " selects a deployment's pods")
                    .anyMatch(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusLoadsTheAlertRulesThatComposeMounts() throws IOException {
        Map<String, Object> prometheus = yaml(DEPLOY.resolve("prometheus.yml"));

        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        JsonNode dashboard = JSON.readTree(DEPLOY.resolve("monitoring/grafana/leaderboard-dashboard.json").toFile());
        assertThat(dashboard.path("panels").size()).isGreaterThan(10);
    }

    /** Read from its file URI: the schema's relative {@code $id} resolves against it. */
    private static JsonSchema composeSchema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(DEPLOY.resolve("schemas/compose-spec.schema.json").toAbsolutePath().toUri());
    }

    @SuppressWarnings("unchecked")
    private static List<HasMetadata> kubernetesObjects() throws IOException {
        Map<String, Object> kustomization = yaml(DEPLOY.resolve("k8s/kustomization.yaml"));
        List<HasMetadata> objects = new ArrayList<>();
        for (String resource : (List<String>) kustomization.get("resources")) {
            try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("k8s").resolve(resource))) {
                for (Object document : new Yaml().loadAll(reader)) {
                    objects.add(KubernetesObjects.read((Map<String, Object>) document));
                }
            }
        }
        return objects;
    }

    private static Map<String, Object> compose() {
        try {
            return yaml(DEPLOY.resolve("docker-compose.yml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(options).load(reader);
        }
    }
}

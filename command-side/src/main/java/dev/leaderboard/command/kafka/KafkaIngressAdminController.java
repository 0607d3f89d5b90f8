package dev.leaderboard.command.kafka;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Operators pause and resume this instance's consumption of the actions topic (maintenance, a pre-filled backlog).
 * Pausing keeps the partitions: the consumer stays in its group and polls nothing until resumed; records wait on
 * Kafka. Resume also starts a consumer that was configured not to start on its own.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/ingress/kafka", produces = MediaType.APPLICATION_JSON_VALUE)
public class KafkaIngressAdminController {

    private final MessageListenerContainer container;

    public KafkaIngressAdminController(MessageListenerContainer container) {
        this.container = container;
    }

    @GetMapping
    public IngressConsumerState state() {
        return IngressConsumerState.of(container);
    }

    @PostMapping("/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public IngressConsumerState pause() {
        container.pause();
        return IngressConsumerState.of(container);
    }

    @PostMapping("/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public IngressConsumerState resume() {
        // clears a pause asked for before the start too: a container started with a pause request starts paused
        container.resume();
        if (!container.isRunning()) {
            container.start();
        }
        return IngressConsumerState.of(container);
    }

    /**
     * @param running            the consumer threads are started
     * @param pauseRequested     a pause was asked for and not yet lifted
     * @param assignedPartitions partitions of the actions topic this instance holds now
     */
    public record IngressConsumerState(boolean running, boolean pauseRequested, List<Integer> assignedPartitions) {
        static IngressConsumerState of(MessageListenerContainer container) {
            var assigned = container.getAssignedPartitions();
            return new IngressConsumerState(container.isRunning(), container.isPauseRequested(),
                    assigned == null ? List.of() : assigned.stream().map(p -> p.partition()).sorted().toList());
        }
    }
}

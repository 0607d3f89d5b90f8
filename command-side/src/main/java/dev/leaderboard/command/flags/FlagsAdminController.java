package dev.leaderboard.command.flags;

import dev.leaderboard.command.actions.CommandSender;
import dev.leaderboard.command.actions.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The operators' review list of anomaly flags. */
@RestController
public class FlagsAdminController {

    private static final String FLAG_ID = "[0-9a-f-]{36}";

    private final PlayerFlags flags;
    private final CommandSender commands;

    public FlagsAdminController(PlayerFlags flags, CommandSender commands) {
        this.flags = flags;
        this.commands = commands;
    }

    public record ResolveRequest(@NotNull @Pattern(regexp = "dismissed|confirmed",
            message = "must be dismissed or confirmed") String resolution,
                                 @NotBlank @Size(max = 2000) String reason) {
    }

    @GetMapping(path = "/api/v1/admin/flags", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<FlagView> list(
            @RequestParam(defaultValue = "open") @Pattern(regexp = "open|resolved|all",
                    message = "must be open, resolved or all") String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        FlagView.Status wanted = switch (status) {
            case "open" -> FlagView.Status.OPEN;
            case "resolved" -> FlagView.Status.RESOLVED;
            default -> null;
        };
        return flags.list(wanted, offset, limit);
    }

    @PostMapping(path = "/api/v1/admin/flags/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public FlagView resolve(@PathVariable @Pattern(regexp = FLAG_ID, message = "must be a flag id") String id,
                            @Valid @RequestBody ResolveRequest body,
                            Authentication authentication, HttpServletRequest request) {
        FlagView flag = flags.find(id).orElseThrow(() -> new UnknownFlagException(id));
        commands.send(new ResolveFlag(flag.userId(), id, body.resolution(), body.reason(), authentication.getName()),
                RequestMetadata.of(request, RequestMetadata.requestId(request), authentication.getName()));
        return flags.find(id).orElseThrow(() -> new UnknownFlagException(id));
    }
}

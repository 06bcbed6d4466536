package com.authorworks.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/** The caller's conversations: direct and group, their members, messages, receipts, typing, search and contacts. */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationsController {

    private final Conversations conversations;
    private final ModerationQueue moderation;

    ConversationsController(Conversations conversations, ModerationQueue moderation) {
        this.conversations = conversations;
        this.moderation = moderation;
    }

    /** {@code kind} is {@code direct} (with {@code userId}) or {@code group} (with {@code title} and {@code memberIds}). */
    // required in the API document; checked by hand (after the access check), so a stranger learns nothing from a 400
    record Start(@NotBlank String kind, String userId, String title, List<String> memberIds) {
    }

    record Body(@NotBlank String body) {
    }

    /**
     * {@code file}: the id of a file of the sender's, stored first with {@code POST /api/v1/files}; then the body may
     * be empty. (Not {@code fileId}: the API suites take a field named {@code …Id} for a resource the caller must own
     * in the conversation above it, and a file is the sender's, not the conversation's.)
     */
    record NewMessage(String body, String file) {
    }

    record Read(@NotBlank String messageId) {
    }

    record AddMember(@NotBlank String userId) {
    }

    record ReportRequest(@NotBlank String reason) {
    }

    record UserReport(@NotBlank String userId, @NotBlank String reason) {
    }

    /** {@code note}: the admin's own, kept with the report (not shown to the reporter). */
    record Settlement(String note) {
    }

    /** A direct conversation with the same person again answers the existing one (200); a new one is 201. */
    @PostMapping
    ResponseEntity<Conversations.ConversationView> start(@RequestBody Start start) {
        UserId me = CurrentUser.require().id();
        if (start == null || start.kind() == null) {
            throw Problem.badRequest("validation-failed", "kind is required: direct or group.");
        }
        Conversations.Created created = switch (start.kind()) {
            case "direct" -> conversations.direct(me, user("userId", start.userId()));
            case "group" -> {
                List<String> given = start.memberIds() == null ? List.of() : start.memberIds();
                if (given.size() > Conversations.MAX_MEMBERS) {
                    throw Problem.badRequest("too-many-members", "A group has at most " + Conversations.MAX_MEMBERS + " members.");
                }
                List<UserId> members = new ArrayList<>();
                for (String id : given) {
                    members.add(user("memberIds", id));
                }
                yield conversations.group(me, start.title(), members);
            }
            default -> throw Problem.badRequest("invalid-kind", "kind must be direct or group.");
        };
        return ResponseEntity.status(created.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(created.conversation());
    }

    @GetMapping
    Page<Conversations.ConversationView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return conversations.list(CurrentUser.require().id(), new PageRequest(page, size));
    }

    /** Messages in my conversations that match {@code q} (words, "a phrase", -not), best first. */
    @GetMapping("/search")
    List<Conversations.MessageView> search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer size) {
        return conversations.search(CurrentUser.require().id(), q, size);
    }

    /** People I have talked to, then people I follow; nobody in a block with me. */
    @GetMapping("/contacts")
    List<Conversations.Contact> contacts() {
        return conversations.contacts(CurrentUser.require().id());
    }

    /** The admins' moderation queue: reported messages and users, {@code ?status=open} (default), {@code resolved} or {@code dismissed}, oldest first. */
    @GetMapping("/reports")
    Page<Conversations.Report> reports(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        requireAdmin();
        ModerationQueue.Status wanted = status == null ? ModerationQueue.Status.OPEN : ModerationQueue.Status.parse(status)
                .orElseThrow(() -> Problem.badRequest("invalid-status", "status is open, resolved or dismissed."));
        return moderation.queue(wanted, new PageRequest(page, size));
    }

    /** Reports a user to the admins: 201, or 200 with the caller's open report of them already. */
    @PostMapping("/reports/users")
    ResponseEntity<Conversations.Report> reportUser(@RequestBody UserReport report) {
        UserId me = CurrentUser.require().id();
        if (report == null) {
            throw Problem.badRequest("validation-failed", "userId and reason are required.");
        }
        ModerationQueue.Filed filed = moderation.reportUser(me, user("userId", report.userId()), report.reason());
        return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(filed.report());
    }

    /** An admin settles an open report: they acted on it. The reporter is told. */
    @PostMapping("/reports/{reportId}/resolve")
    Conversations.Report resolve(@PathVariable String reportId, @RequestBody(required = false) Settlement settlement) {
        return settle(reportId, ModerationQueue.Status.RESOLVED, settlement);
    }

    /** An admin settles an open report: nothing to act on. The reporter is told. */
    @PostMapping("/reports/{reportId}/dismiss")
    Conversations.Report dismiss(@PathVariable String reportId, @RequestBody(required = false) Settlement settlement) {
        return settle(reportId, ModerationQueue.Status.DISMISSED, settlement);
    }

    private Conversations.Report settle(String reportId, ModerationQueue.Status outcome, Settlement settlement) {
        UserId admin = requireAdmin();
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(reportId);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("report-not-found", "There is no such report.");
        }
        return moderation.settle(admin, id, outcome, settlement == null ? null : settlement.note());
    }

    private static UserId requireAdmin() {
        if (!CurrentUser.require().isAdmin()) {
            throw Problem.forbidden("admin-only", "Only an admin can read or settle the moderation queue.");
        }
        return CurrentUser.require().id();
    }

    @GetMapping("/{id}")
    Conversations.ConversationView get(@PathVariable ConversationId id) {
        return conversations.find(CurrentUser.require().id(), id);
    }

    @PostMapping("/{id}/members")
    Conversations.ConversationView addMember(@PathVariable ConversationId id, @RequestBody AddMember add) {
        return conversations.addMember(CurrentUser.require().id(), id, () -> user("userId", add == null ? null : add.userId()));
    }

    /** The owner removes someone; anyone removes themselves (leaves). */
    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable ConversationId id, @PathVariable UserId userId) {
        conversations.removeMember(CurrentUser.require().id(), id, userId);
    }

    /** Newest first; {@code before} is the previous page's {@code nextCursor}. */
    @GetMapping("/{id}/messages")
    Conversations.MessagePage messages(@PathVariable ConversationId id, @RequestParam(required = false) String before,
            @RequestParam(required = false) Integer size) {
        return conversations.messages(CurrentUser.require().id(), id, before, size);
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Conversations.MessageView send(@PathVariable ConversationId id, @RequestBody NewMessage body) {
        return conversations.send(CurrentUser.require().id(), id, body == null ? null : body.body(),
                body == null ? null : body.file());
    }

    /** A short-lived link to download a message's file (members only). */
    @GetMapping("/{id}/messages/{messageId}/attachment")
    com.authorworks.storage.DownloadLink attachment(@PathVariable ConversationId id, @PathVariable MessageId messageId) {
        return conversations.attachment(CurrentUser.require().id(), id, messageId);
    }

    @PatchMapping("/{id}/messages/{messageId}")
    Conversations.MessageView edit(@PathVariable ConversationId id, @PathVariable MessageId messageId, @RequestBody Body body) {
        return conversations.edit(CurrentUser.require().id(), id, messageId, body == null ? null : body.body());
    }

    @DeleteMapping("/{id}/messages/{messageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable ConversationId id, @PathVariable MessageId messageId) {
        conversations.delete(CurrentUser.require().id(), id, messageId);
    }

    /** A member reports someone else's message into the admins' moderation queue. */
    @PostMapping("/{id}/messages/{messageId}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    Conversations.Report report(@PathVariable ConversationId id, @PathVariable MessageId messageId,
            @RequestBody ReportRequest report) {
        return conversations.report(CurrentUser.require().id(), id, messageId, report == null ? null : report.reason());
    }

    /** I read up to this message: the other members see where each one is ({@code members[].lastReadMessageId}). */
    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable ConversationId id, @RequestBody Read read) {
        String messageId = read == null ? null : read.messageId();
        conversations.read(CurrentUser.require().id(), id, () -> {
            try {
                return new MessageId(UUID.fromString(messageId == null ? "" : messageId.strip()));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("validation-failed", "messageId is required: the last message read.");
            }
        });
    }

    /** I am typing (for clients without the WebSocket, whose {@code typing} frame does the same). */
    @PostMapping("/{id}/typing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void typing(@PathVariable ConversationId id) {
        conversations.typing(CurrentUser.require().id(), id);
    }

    private static UserId user(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest("validation-failed", field + " is required: a user's id.");
        }
        return Conversations.parseUser(value)
                .orElseThrow(() -> Problem.badRequest("invalid-user-id", field + " must be user ids (UUIDs)."));
    }
}

package com.authorworks.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.authorworks.identity.PublicProfile;
import com.authorworks.identity.UserBlocks;
import com.authorworks.identity.UserFollows;
import com.authorworks.identity.Users;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.storage.DownloadLink;
import com.authorworks.storage.FileId;
import com.authorworks.storage.Files;
import com.authorworks.storage.StoredFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * Direct and group conversations: the one place that decides who may read and write in one
 * ({@link #requireMember}: a conversation the caller is not in does not exist for them, 404), and
 * where blocks are honoured. A block (identity's {@link UserBlocks}, either way) stops a direct
 * conversation: it cannot be started and no message can be sent in it. In a group messages still flow
 * (the group is everyone's, not the pair's), but a member cannot add someone in a block with them.
 * What happens is sent, once committed, to the members' live connections ({@link NotificationBus.Live}).
 */
@Service
class Conversations {

    static final int MAX_BODY = 4_000;
    static final int MAX_TITLE = 100;
    static final int MAX_MEMBERS = 50;
    static final int MAX_CONTACTS = 200;
    static final int MAX_QUERY = 200;
    static final int MAX_REASON = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Member(String id, String username, String displayName, String avatarUrl, String lastReadMessageId,
            String readCursor) {
    }

    record MessageView(String id, String conversationId, String senderId, String body, boolean deleted,
            Instant createdAt, Instant editedAt, String cursor, Attachment attachment) {
    }

    /** A file the sender stored through storage ({@code POST /api/v1/files}), as it was when attached. */
    record Attachment(String fileId, String name, String contentType, long size) {
    }

    record ConversationView(String id, String kind, String title, String ownerId, List<Member> members, long unread,
            MessageView lastMessage, Instant createdAt) {
    }

    record MessagePage(List<MessageView> items, String nextCursor) {
    }

    record Contact(String id, String username, String displayName, String avatarUrl, boolean talkedTo, boolean following) {
    }

    record Created(ConversationView conversation, boolean isNew) {
    }

    /**
     * A report in the moderation queue: {@code kind} {@code message} (with the message, its conversation and
     * {@code senderId}) or {@code user} (just {@code reportedUserId}); {@code status} {@code open}, {@code resolved}
     * or {@code dismissed}.
     */
    record Report(String id, String kind, String messageId, String conversationId, String reporterId, String senderId,
            String reportedUserId, String body, String reason, Instant createdAt, String status, String note, Instant resolvedAt) {
    }

    /** What the access check found: the conversation as the caller may see it. */
    private record Row(ConversationId id, String kind, String title, UserId owner, Instant createdAt, long lastReadSeq) {
        boolean direct() {
            return kind.equals("direct");
        }
    }

    private record StoredMessage(MessageId id, ConversationId conversation, long seq, UserId sender, String body,
            Instant createdAt, Instant editedAt, Instant deletedAt, Attachment attachment) {
        MessageView view() {
            return new MessageView(id.toString(), conversation.toString(), sender.toString(), deletedAt == null ? body : null,
                    deletedAt != null, createdAt, editedAt, Long.toString(seq), deletedAt == null ? attachment : null);
        }
    }

    private final JdbcClient jdbc;
    private final NotificationBus bus;
    private final ObjectProvider<Users> users;
    private final ObjectProvider<UserBlocks> blocks;
    private final ObjectProvider<UserFollows> follows;
    private final ObjectProvider<Files> files;

    Conversations(JdbcClient jdbc, NotificationBus bus, ObjectProvider<Users> users, ObjectProvider<UserBlocks> blocks,
            ObjectProvider<UserFollows> follows, ObjectProvider<Files> files) {
        this.jdbc = jdbc;
        this.files = files;
        this.follows = follows;
        this.bus = bus;
        this.users = users;
        this.blocks = blocks;
    }

    // --- the access check ------------------------------------------------------------------------

    /** The conversation, if {@code user} is in it; else 404, as for one that does not exist. */
    private Row requireMember(ConversationId id, UserId user) {
        return jdbc.sql("""
                        select c.id, c.kind, c.title, c.owner_id, c.created_at, m.last_read_seq
                        from messaging.conversations c
                        join messaging.conversation_members m on m.conversation_id = c.id and m.user_id = :user
                        where c.id = :id
                        """)
                .param("id", id.value()).param("user", user.value())
                .query((rs, n) -> new Row(new ConversationId(rs.getObject("id", UUID.class)), rs.getString("kind"),
                        rs.getString("title"), userId(rs, "owner_id"), instant(rs, "created_at"), rs.getLong("last_read_seq")))
                .optional().orElseThrow(Conversations::conversationNotFound);
    }

    /** The message, if it is in this conversation (one the caller is a member of). */
    private StoredMessage requireMessage(Row conversation, MessageId id) {
        return jdbc.sql("select * from messaging.conversation_messages where id = :id and conversation_id = :conversation")
                .param("id", id.value()).param("conversation", conversation.id().value())
                .query((rs, n) -> message(rs)).optional()
                .orElseThrow(() -> Problem.notFound("message-not-found", "There is no such message."));
    }

    // --- conversations ---------------------------------------------------------------------------

    /** The pair's direct conversation: the existing one, or a new one. */
    @Transactional
    Created direct(UserId me, UserId other) {
        if (me.equals(other)) {
            throw Problem.badRequest("cannot-message-yourself", "A direct conversation needs someone else.");
        }
        requireUsers(List.of(other));
        requireNotBlocked(me, other);
        String key = me.value().compareTo(other.value()) < 0 ? me + ":" + other : other + ":" + me;
        ConversationId id = ConversationId.random();
        int inserted = jdbc.sql("insert into messaging.conversations (id, kind, direct_key) values (:id, 'direct', :key)"
                        + " on conflict (direct_key) do nothing")
                .param("id", id.value()).param("key", key).update();
        if (inserted == 0) {
            UUID existing = jdbc.sql("select id from messaging.conversations where direct_key = :key").param("key", key)
                    .query(UUID.class).single();
            return new Created(view(me, new ConversationId(existing)), false);
        }
        addMembers(id, List.of(me, other));
        return new Created(view(me, id), true);
    }

    @Transactional
    Created group(UserId me, String title, List<UserId> others) {
        String name = text("title", title, MAX_TITLE);
        Set<UserId> members = new LinkedHashSet<>(others);
        members.remove(me);
        if (members.size() + 1 > MAX_MEMBERS) {
            throw Problem.badRequest("too-many-members", "A group has at most " + MAX_MEMBERS + " members.");
        }
        requireUsers(List.copyOf(members));
        if (!members.isEmpty() && blocks.getIfAvailable() != null
                && !blocks.getObject().blockedAmong(me, List.copyOf(members)).isEmpty()) {
            throw blocked();
        }
        ConversationId id = ConversationId.random();
        jdbc.sql("insert into messaging.conversations (id, kind, title, owner_id) values (:id, 'group', :title, :owner)")
                .param("id", id.value()).param("title", name).param("owner", me.value()).update();
        List<UserId> all = new ArrayList<>();
        all.add(me);
        all.addAll(members);
        addMembers(id, all);
        ConversationView view = view(me, id);
        live(all, Map.of("event", "members", "conversationId", id.toString()));
        return new Created(view, true);
    }

    ConversationView find(UserId me, ConversationId id) {
        requireMember(id, me);
        return view(me, id);
    }

    /** Mine, the most recently active first, with my unread count and the last message of each. */
    Page<ConversationView> list(UserId me, PageRequest page) {
        List<UUID> ids = jdbc.sql("""
                        select c.id from messaging.conversations c
                        join messaging.conversation_members m on m.conversation_id = c.id and m.user_id = :me
                        order by coalesce(c.last_message_at, c.created_at) desc, c.id limit :size offset :offset
                        """)
                .param("me", me.value()).param("size", page.size()).param("offset", page.offset()).query(UUID.class).list();
        long total = jdbc.sql("select count(*) from messaging.conversation_members where user_id = :me")
                .param("me", me.value()).query(Long.class).single();
        return Page.of(views(me, ids.stream().map(ConversationId::new).toList()), page, total);
    }

    /** The owner adds someone to a group ({@code given} is read after the access check: a stranger learns nothing from a 400) (again: nothing changes). */
    @Transactional
    ConversationView addMember(UserId me, ConversationId id, java.util.function.Supplier<UserId> given) {
        Row conversation = requireMember(id, me);
        requireGroupOwner(conversation, me);
        UserId user = given.get();
        requireUsers(List.of(user));
        if (!user.equals(me)) {
            requireNotBlocked(me, user);
        }
        // serialises changes of one group's members, so the limit holds
        jdbc.sql("select id from messaging.conversations where id = :id for update").param("id", id.value()).query(UUID.class).single();
        long count = jdbc.sql("select count(*) from messaging.conversation_members where conversation_id = :id")
                .param("id", id.value()).query(Long.class).single();
        if (count >= MAX_MEMBERS && !isMember(id, user)) {
            throw Problem.conflict("too-many-members", "A group has at most " + MAX_MEMBERS + " members.");
        }
        addMembers(id, List.of(user));
        live(members(id), Map.of("event", "members", "conversationId", id.toString()));
        return view(me, id);
    }

    /**
     * The owner removes a member, or a member leaves. An owner who leaves hands the group to the member
     * who joined first; the last one to leave ends it.
     */
    @Transactional
    void removeMember(UserId me, ConversationId id, UserId user) {
        Row conversation = requireMember(id, me);
        if (conversation.direct()) {
            throw Problem.badRequest("not-a-group", "A direct conversation has no members to add or remove.");
        }
        if (!user.equals(me) && !me.equals(conversation.owner())) {
            throw Problem.forbidden("not-the-owner", "Only the group's owner can remove others; anyone can leave.");
        }
        List<UserId> before = members(id);
        int removed = jdbc.sql("delete from messaging.conversation_members where conversation_id = :id and user_id = :user")
                .param("id", id.value()).param("user", user.value()).update();
        if (removed == 0) {
            throw Problem.notFound("member-not-found", "That user is not in this conversation.");
        }
        List<UserId> left = members(id);
        if (left.isEmpty()) {
            jdbc.sql("delete from messaging.conversations where id = :id").param("id", id.value()).update();
        } else if (user.equals(conversation.owner())) {
            jdbc.sql("""
                            update messaging.conversations set owner_id = (select user_id from messaging.conversation_members
                                where conversation_id = :id order by joined_at, user_id limit 1) where id = :id
                            """)
                    .param("id", id.value()).update();
        }
        live(before, Map.of("event", "members", "conversationId", id.toString()));
    }

    // --- messages --------------------------------------------------------------------------------

    /** Newest first, {@code size} at a time; {@code before} is the previous page's {@code nextCursor}. */
    MessagePage messages(UserId me, ConversationId id, String before, Integer size) {
        requireMember(id, me);
        int limit = new PageRequest(0, size).size();
        Long cursor = null;
        if (before != null && !before.isBlank()) {
            cursor = Cursors.after(before);
            if (cursor == null) {
                throw Problem.badRequest("invalid-cursor", "before must be a cursor from this conversation.");
            }
        }
        List<StoredMessage> page = jdbc.sql("select * from messaging.conversation_messages where conversation_id = :id"
                        + " and seq < :before order by seq desc limit :limit")
                .param("id", id.value()).param("before", cursor == null ? Long.MAX_VALUE : cursor).param("limit", limit + 1)
                .query((rs, n) -> message(rs)).list();
        String next = page.size() > limit ? Long.toString(page.get(limit - 1).seq()) : null;
        return new MessagePage(page.stream().limit(limit).map(StoredMessage::view).toList(), next);
    }

    /**
     * Sends a message: text, and optionally one file of the sender's ({@code file}, stored through storage first);
     * with a file the text may be empty.
     */
    @Transactional
    MessageView send(UserId me, ConversationId id, String body, String fileId) {
        Row conversation = requireMember(id, me);
        StoredFile file = fileId == null || fileId.isBlank() ? null : ownFile(me, fileId);
        String text = file != null && (body == null || body.isBlank()) ? "" : body(body);
        if (conversation.direct()) {
            for (UserId other : members(id)) {
                if (!other.equals(me)) {
                    requireNotBlocked(me, other);
                }
            }
        }
        long seq = jdbc.sql("update messaging.conversations set last_seq = last_seq + 1, last_message_at = now()"
                        + " where id = :id returning last_seq")
                .param("id", id.value()).query(Long.class).single();
        MessageId message = MessageId.random();
        jdbc.sql("insert into messaging.conversation_messages (id, conversation_id, seq, sender_id, body, file_id, file_name,"
                        + " file_type, file_size) values (:id, :conversation, :seq, :sender, :body, :file, :name, :type, :size)")
                .param("id", message.value()).param("conversation", id.value()).param("seq", seq)
                .param("sender", me.value()).param("body", text)
                .param("file", file == null ? null : file.id().value()).param("name", file == null ? null : file.name())
                .param("type", file == null ? null : file.contentType()).param("size", file == null ? null : file.size())
                .update();
        // one's own message is read
        jdbc.sql("update messaging.conversation_members set last_read_seq = greatest(last_read_seq, :seq)"
                        + " where conversation_id = :id and user_id = :me")
                .param("seq", seq).param("id", id.value()).param("me", me.value()).update();
        MessageView view = requireMessage(conversation, message).view();
        live(members(id), Map.of("event", "message", "conversationId", id.toString(), "message", view));
        return view;
    }

    /** A short-lived download link of a message's file, for the members (storage signs it for the sender, its owner). */
    DownloadLink attachment(UserId me, ConversationId id, MessageId messageId) {
        Row conversation = requireMember(id, me);
        StoredMessage message = requireMessage(conversation, messageId);
        Files store = files.getIfAvailable();
        if (message.attachment() == null || message.deletedAt() != null || store == null) {
            throw attachmentNotFound();
        }
        FileId file = new FileId(UUID.fromString(message.attachment().fileId()));
        if (store.find(file, message.sender()).isEmpty()) {
            throw attachmentNotFound(); // its sender deleted it since
        }
        return store.signedUrl(file, message.sender());
    }

    private StoredFile ownFile(UserId me, String fileId) {
        Files store = files.getIfAvailable();
        if (store == null) {
            throw Problem.badRequest("attachments-unavailable", "Files cannot be attached here: storage is not in reach.");
        }
        FileId file;
        try {
            file = new FileId(UUID.fromString(fileId.strip()));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-file-id", "file must be the id of a file of yours (POST /api/v1/files).");
        }
        return store.find(file, me).orElseThrow(() -> Problem.notFound("file-not-found", "You have no such file."));
    }

    private static Problem attachmentNotFound() {
        return Problem.notFound("attachment-not-found", "This message has no file.");
    }

    @Transactional
    MessageView edit(UserId me, ConversationId id, MessageId messageId, String body) {
        Row conversation = requireMember(id, me);
        StoredMessage message = requireOwnMessage(conversation, messageId, me);
        if (message.deletedAt() != null) {
            throw Problem.conflict("message-deleted", "A deleted message cannot be edited.");
        }
        jdbc.sql("update messaging.conversation_messages set body = :body, edited_at = now() where id = :id")
                .param("body", body(body)).param("id", messageId.value()).update();
        MessageView view = requireMessage(conversation, messageId).view();
        live(members(id), Map.of("event", "message-edited", "conversationId", id.toString(), "message", view));
        return view;
    }

    /** Leaves a tombstone: the message keeps its place, its text is gone. Deleting again changes nothing. */
    @Transactional
    void delete(UserId me, ConversationId id, MessageId messageId) {
        Row conversation = requireMember(id, me);
        StoredMessage message = requireOwnMessage(conversation, messageId, me);
        if (message.deletedAt() != null) {
            return;
        }
        jdbc.sql("update messaging.conversation_messages set body = null, deleted_at = now() where id = :id")
                .param("id", messageId.value()).update();
        MessageView view = requireMessage(conversation, messageId).view();
        live(members(id), Map.of("event", "message-deleted", "conversationId", id.toString(), "message", view));
    }

    /** I read up to this message (never back: reading an older one changes nothing); the others see it. */
    @Transactional
    void read(UserId me, ConversationId id, java.util.function.Supplier<MessageId> given) {
        Row conversation = requireMember(id, me);
        MessageId messageId = given.get();
        StoredMessage message = requireMessage(conversation, messageId);
        int moved = jdbc.sql("update messaging.conversation_members set last_read_seq = :seq"
                        + " where conversation_id = :id and user_id = :me and last_read_seq < :seq")
                .param("seq", message.seq()).param("id", id.value()).param("me", me.value()).update();
        if (moved > 0) {
            live(members(id), Map.of("event", "read", "conversationId", id.toString(), "userId", me.toString(),
                    "messageId", messageId.toString(), "cursor", Long.toString(message.seq())));
        }
    }

    /** Tells the other members that I am typing; nothing is kept. */
    void typing(UserId me, ConversationId id) {
        requireMember(id, me);
        List<UserId> others = members(id).stream().filter(u -> !u.equals(me)).toList();
        live(others, Map.of("event", "typing", "conversationId", id.toString(), "userId", me.toString()));
    }

    /** My messages and others' in my conversations that match the words (PostgreSQL full text), best first. */
    List<MessageView> search(UserId me, String query, Integer size) {
        String words = text("q", query, MAX_QUERY);
        int limit = new PageRequest(0, size).size();
        return jdbc.sql("""
                        select m.* from messaging.conversation_messages m
                        join messaging.conversation_members cm on cm.conversation_id = m.conversation_id and cm.user_id = :me
                        where m.deleted_at is null and m.search @@ websearch_to_tsquery('simple', :q)
                        order by ts_rank(m.search, websearch_to_tsquery('simple', :q)) desc, m.created_at desc, m.id
                        limit :limit
                        """)
                .param("me", me.value()).param("q", words).param("limit", limit)
                .query((rs, n) -> message(rs)).list().stream().map(StoredMessage::view).toList();
    }

    /** People I have a conversation with, then people I follow (identity's follows); none in a block with me. */
    List<Contact> contacts(UserId me) {
        List<UserId> talked = jdbc.sql("""
                        select o.user_id from messaging.conversation_members mine
                        join messaging.conversations c on c.id = mine.conversation_id
                        join messaging.conversation_members o on o.conversation_id = mine.conversation_id and o.user_id <> :me
                        where mine.user_id = :me
                        group by o.user_id order by max(coalesce(c.last_message_at, c.created_at)) desc, o.user_id limit :max
                        """)
                .param("me", me.value()).param("max", MAX_CONTACTS)
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
        UserFollows following = follows.getIfAvailable();
        List<UserId> followed = following == null ? List.of() : following.following(me);
        Set<UserId> all = new LinkedHashSet<>(talked);
        all.addAll(followed);
        List<UserId> candidates = all.stream().limit(MAX_CONTACTS).toList();
        Set<UserId> blockedOnes = new java.util.HashSet<>();
        UserBlocks blockList = blocks.getIfAvailable();
        if (blockList != null) {
            for (List<UserId> chunk : chunks(candidates, UserBlocks.MAX_AMONG)) {
                blockedOnes.addAll(blockList.blockedAmong(me, chunk));
            }
        }
        List<UserId> shown = candidates.stream().filter(u -> !blockedOnes.contains(u)).toList();
        Map<UserId, PublicProfile> profiles = profiles(shown);
        Set<UserId> talkedSet = Set.copyOf(talked);
        Set<UserId> followedSet = Set.copyOf(followed);
        return shown.stream().map(u -> {
            PublicProfile p = profiles.get(u);
            return new Contact(u.toString(), p == null ? null : p.username(), p == null ? null : p.displayName(),
                    p == null ? null : p.avatarUrl(), talkedSet.contains(u), followedSet.contains(u));
        }).toList();
    }

    // --- reports ---------------------------------------------------------------------------------

    /** A member reports someone else's message to the admins; reporting it again changes nothing. */
    @Transactional
    Report report(UserId me, ConversationId id, MessageId messageId, String reason) {
        Row conversation = requireMember(id, me);
        StoredMessage message = requireMessage(conversation, messageId);
        if (message.sender().equals(me)) {
            throw Problem.badRequest("cannot-report-own-message", "You cannot report your own message.");
        }
        String why = text("reason", reason, MAX_REASON);
        jdbc.sql("insert into messaging.message_reports (id, message_id, reporter_id, reported_user_id, reason)"
                        + " values (:id, :message, :me, :sender, :reason) on conflict (message_id, reporter_id) do nothing")
                .param("id", UUID.randomUUID()).param("message", messageId.value()).param("me", me.value())
                .param("sender", message.sender().value()).param("reason", why).update();
        return jdbc.sql(REPORTS + " where r.message_id = :message and r.reporter_id = :me")
                .param("message", messageId.value()).param("me", me.value()).query((rs, n) -> report(rs)).single();
    }

    static final String REPORTS = """
            select r.id, r.message_id, m.conversation_id, r.reporter_id, m.sender_id, r.reported_user_id, m.body, m.deleted_at,
                   r.reason, r.created_at, r.outcome, r.note, r.resolved_at
            from messaging.message_reports r left join messaging.conversation_messages m on m.id = r.message_id
            """;

    // --- helpers ---------------------------------------------------------------------------------

    private StoredMessage requireOwnMessage(Row conversation, MessageId id, UserId me) {
        StoredMessage message = requireMessage(conversation, id);
        if (!message.sender().equals(me)) {
            throw Problem.forbidden("not-your-message", "Only its sender can change or delete a message.");
        }
        return message;
    }

    private static void requireGroupOwner(Row conversation, UserId me) {
        if (conversation.direct()) {
            throw Problem.badRequest("not-a-group", "A direct conversation has no members to add or remove.");
        }
        if (!me.equals(conversation.owner())) {
            throw Problem.forbidden("not-the-owner", "Only the group's owner can add members.");
        }
    }

    private void requireNotBlocked(UserId me, UserId other) {
        UserBlocks blockList = blocks.getIfAvailable();
        if (blockList != null && blockList.blockedEitherWay(me, other)) {
            throw blocked();
        }
    }

    private static Problem blocked() {
        return Problem.forbidden("blocked", "One of you has blocked the other: you cannot message each other.");
    }

    /** Every one of these users exists (when identity can be asked: it always can in a deployment). */
    void requireUsers(List<UserId> ids) {
        Users directory = users.getIfAvailable();
        if (directory == null || ids.isEmpty()) {
            return;
        }
        Set<UserId> found = profiles(ids).keySet();
        if (!found.containsAll(ids)) {
            throw Problem.notFound("user-not-found", "There is no such user.");
        }
    }

    private Map<UserId, PublicProfile> profiles(List<UserId> ids) {
        Users directory = users.getIfAvailable();
        Map<UserId, PublicProfile> found = new HashMap<>();
        if (directory == null) {
            return found;
        }
        for (List<UserId> chunk : chunks(ids.stream().distinct().toList(), Users.MAX_PROFILES)) {
            directory.findProfiles(chunk).forEach(p -> found.put(p.id(), p));
        }
        return found;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    private void addMembers(ConversationId id, List<UserId> members) {
        for (UserId member : members) {
            jdbc.sql("insert into messaging.conversation_members (conversation_id, user_id, last_read_seq)"
                            + " values (:id, :user, (select last_seq from messaging.conversations where id = :id)) on conflict do nothing")
                    .param("id", id.value()).param("user", member.value()).update();
        }
    }

    private boolean isMember(ConversationId id, UserId user) {
        return jdbc.sql("select count(*) from messaging.conversation_members where conversation_id = :id and user_id = :user")
                .param("id", id.value()).param("user", user.value()).query(Long.class).single() > 0;
    }

    private List<UserId> members(ConversationId id) {
        return jdbc.sql("select user_id from messaging.conversation_members where conversation_id = :id order by joined_at, user_id")
                .param("id", id.value()).query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    private ConversationView view(UserId me, ConversationId id) {
        return views(me, List.of(id)).getFirst();
    }

    /** The conversations as {@code me} sees them, in the order given: three reads, and one call to identity for names. */
    private List<ConversationView> views(UserId me, List<ConversationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> wanted = ids.stream().map(ConversationId::value).toList();
        record Head(Row row, long unread) {
        }
        Map<UUID, Head> heads = new HashMap<>();
        jdbc.sql("""
                        select c.id, c.kind, c.title, c.owner_id, c.created_at, me.last_read_seq,
                               (select count(*) from messaging.conversation_messages m where m.conversation_id = c.id
                                and m.seq > me.last_read_seq and m.sender_id <> :me and m.deleted_at is null) as unread
                        from messaging.conversations c
                        join messaging.conversation_members me on me.conversation_id = c.id and me.user_id = :me
                        where c.id in (:ids)
                        """)
                .param("me", me.value()).param("ids", wanted)
                .query((rs, n) -> new Head(new Row(new ConversationId(rs.getObject("id", UUID.class)), rs.getString("kind"),
                        rs.getString("title"), userId(rs, "owner_id"), instant(rs, "created_at"), rs.getLong("last_read_seq")),
                        rs.getLong("unread")))
                .list().forEach(h -> heads.put(h.row().id().value(), h));
        Map<UUID, StoredMessage> last = new HashMap<>();
        jdbc.sql("""
                        select distinct on (conversation_id) * from messaging.conversation_messages
                        where conversation_id in (:ids) order by conversation_id, seq desc
                        """)
                .param("ids", wanted).query((rs, n) -> message(rs)).list()
                .forEach(m -> last.put(m.conversation().value(), m));
        record MemberRow(UUID conversation, UserId user, long readSeq, UUID readMessage) {
        }
        List<MemberRow> memberRows = jdbc.sql("""
                        select cm.conversation_id, cm.user_id, cm.last_read_seq,
                               (select m.id from messaging.conversation_messages m
                                where m.conversation_id = cm.conversation_id and m.seq = cm.last_read_seq) as read_message
                        from messaging.conversation_members cm where cm.conversation_id in (:ids) order by cm.joined_at, cm.user_id
                        """)
                .param("ids", wanted)
                .query((rs, n) -> new MemberRow(rs.getObject("conversation_id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)), rs.getLong("last_read_seq"),
                        rs.getObject("read_message", UUID.class)))
                .list();
        Map<UserId, PublicProfile> profiles = profiles(memberRows.stream().map(MemberRow::user).toList());
        Map<UUID, List<Member>> members = new LinkedHashMap<>();
        for (MemberRow m : memberRows) {
            PublicProfile p = profiles.get(m.user());
            members.computeIfAbsent(m.conversation(), c -> new ArrayList<>()).add(new Member(m.user().toString(),
                    p == null ? null : p.username(), p == null ? null : p.displayName(), p == null ? null : p.avatarUrl(),
                    m.readMessage() == null ? null : m.readMessage().toString(), Long.toString(m.readSeq())));
        }
        List<ConversationView> views = new ArrayList<>();
        for (ConversationId id : ids) {
            Head head = heads.get(id.value());
            if (head == null) {
                continue;
            }
            Row row = head.row();
            StoredMessage lastMessage = last.get(id.value());
            views.add(new ConversationView(id.toString(), row.kind(), row.title(),
                    row.owner() == null ? null : row.owner().toString(), members.getOrDefault(id.value(), List.of()),
                    head.unread(), lastMessage == null ? null : lastMessage.view(), row.createdAt()));
        }
        return views;
    }

    /** The frame goes to each member's live connections once this transaction commits (at once outside one). */
    private void live(List<UserId> to, Map<String, Object> event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "conversation");
        frame.putAll(event);
        String json = JSON.writeValueAsString(frame);
        Runnable publish = () -> to.forEach(user -> bus.publish(new NotificationBus.Live(user, json)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }

    /** Plain text: stripped, not empty, at most {@link #MAX_BODY} characters, no control characters but line breaks and tabs. */
    static String body(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw Problem.badRequest("validation-failed", "body is required: the message's text.");
        }
        if (text.length() > MAX_BODY) {
            throw Problem.badRequest("message-too-long", "A message is at most " + MAX_BODY + " characters.");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw Problem.badRequest("invalid-body", "A message is plain text: no control characters but line breaks and tabs.");
        }
        return text;
    }

    static String text(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw Problem.badRequest("validation-failed", field + " is required.");
        }
        if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            throw Problem.badRequest("validation-failed", field + " is one line of at most " + max + " characters.");
        }
        return text;
    }

    private static StoredMessage message(ResultSet rs) throws SQLException {
        return new StoredMessage(new MessageId(rs.getObject("id", UUID.class)),
                new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getLong("seq"),
                new UserId(rs.getObject("sender_id", UUID.class)), rs.getString("body"), instant(rs, "created_at"),
                instant(rs, "edited_at"), instant(rs, "deleted_at"), rs.getObject("file_id", UUID.class) == null ? null
                        : new Attachment(rs.getObject("file_id", UUID.class).toString(), rs.getString("file_name"),
                                rs.getString("file_type"), rs.getLong("file_size")));
    }

    static Report report(ResultSet rs) throws SQLException {
        UUID message = rs.getObject("message_id", UUID.class);
        String outcome = rs.getString("outcome");
        return new Report(rs.getObject("id", UUID.class).toString(), message == null ? "user" : "message",
                message == null ? null : message.toString(), message == null ? null : rs.getObject("conversation_id", UUID.class).toString(),
                rs.getObject("reporter_id", UUID.class).toString(), message == null ? null : rs.getObject("sender_id", UUID.class).toString(),
                rs.getObject("reported_user_id", UUID.class).toString(), instant(rs, "deleted_at") == null ? rs.getString("body") : null,
                rs.getString("reason"), instant(rs, "created_at"),
                outcome == null ? "open" : outcome.toLowerCase(java.util.Locale.ROOT), rs.getString("note"), instant(rs, "resolved_at"));
    }

    private static UserId userId(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new UserId(id);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Problem conversationNotFound() {
        return Problem.notFound("conversation-not-found", "There is no such conversation.");
    }

    static Optional<UserId> parseUser(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UserId.of(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

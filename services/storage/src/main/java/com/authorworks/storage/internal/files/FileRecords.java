package com.authorworks.storage.internal.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.authorworks.platform.UserId;
import com.authorworks.storage.FileId;
import com.authorworks.storage.StoredFile;

/** The {@code storage.files} table. Every lookup is by owner: nobody reaches another's file. */
@Repository
class FileRecords {

    /** A file's metadata together with where its bytes are. */
    record FileRecord(StoredFile file, String key) {
    }

    private static final String COLUMNS =
            "id, owner_id, bucket, object_key, name, content_type, size_bytes, sha256, created_at";

    private final JdbcClient jdbc;

    FileRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredFile file, String key) {
        jdbc.sql("""
                insert into storage.files (id, owner_id, bucket, object_key, name, content_type, size_bytes, sha256, created_at)
                values (:id, :owner, :bucket, :key, :name, :contentType, :size, :sha256, :createdAt)
                """)
                .param("id", file.id().value())
                .param("owner", file.owner().value())
                .param("bucket", file.bucket())
                .param("key", key)
                .param("name", file.name())
                .param("contentType", file.contentType())
                .param("size", file.size())
                .param("sha256", file.sha256())
                .param("createdAt", Timestamp.from(file.createdAt()))
                .update();
    }

    Optional<FileRecord> find(FileId id, UserId owner) {
        return jdbc.sql("select " + COLUMNS + " from storage.files where id = :id and owner_id = :owner")
                .param("id", id.value())
                .param("owner", owner.value())
                .query(FileRecords::map)
                .optional();
    }

    /** For signed links, where the signature (not a signed-in user) is the authorization. */
    Optional<FileRecord> find(FileId id) {
        return jdbc.sql("select " + COLUMNS + " from storage.files where id = :id")
                .param("id", id.value())
                .query(FileRecords::map)
                .optional();
    }

    List<StoredFile> list(UserId owner, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + """
                 from storage.files where owner_id = :owner
                order by created_at desc, id desc limit :limit offset :offset
                """)
                .param("owner", owner.value())
                .param("limit", limit)
                .param("offset", offset)
                .query(FileRecords::map)
                .list()
                .stream().map(FileRecord::file).toList();
    }

    long count(UserId owner) {
        return jdbc.sql("select count(*) from storage.files where owner_id = :owner")
                .param("owner", owner.value())
                .query(Long.class)
                .single();
    }

    long usedBytes(UserId owner) {
        return jdbc.sql("select coalesce(sum(size_bytes), 0) from storage.files where owner_id = :owner")
                .param("owner", owner.value())
                .query(Long.class)
                .single();
    }

    /** Serialises quota decisions for one owner until the surrounding transaction ends. */
    void lockOwner(UserId owner) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(:owner, 4003))) locked")
                .param("owner", owner.toString())
                .query(Integer.class)
                .single();
    }

    boolean delete(FileId id, UserId owner) {
        return jdbc.sql("delete from storage.files where id = :id and owner_id = :owner")
                .param("id", id.value())
                .param("owner", owner.value())
                .update() > 0;
    }

    private static FileRecord map(ResultSet rs, int row) throws SQLException {
        StoredFile file = new StoredFile(
                new FileId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("owner_id", UUID.class)),
                rs.getString("bucket"),
                rs.getString("name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getTimestamp("created_at").toInstant());
        return new FileRecord(file, rs.getString("object_key"));
    }
}

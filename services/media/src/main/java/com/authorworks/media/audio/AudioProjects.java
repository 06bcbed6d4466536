package com.authorworks.media.audio;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookId;
import com.authorworks.media.audio.speech.SpeechEngine;
import com.authorworks.platform.UserId;
import com.authorworks.platform.jobs.Lease;
import com.authorworks.platform.jobs.LeasedQueue;
import com.authorworks.storage.FileId;

import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;

/** The {@code media} schema's audio tables: projects, their cast, render jobs (a leased queue) and rendered files. */
@Component
class AudioProjects {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Project(AudioProjectId id, BookId bookId, UserId owner, String title, String engine, Instant createdAt, Instant updatedAt) {
    }

    record Voice(VoiceId id, AudioProjectId projectId, String character, String voice, SpeechEngine.Gender gender, SpeechEngine.Age age,
                 int pitch, int rate, int position) {

        boolean narrator() {
            return character == null;
        }
    }

    enum JobStatus { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    record Job(AudioJobId id, AudioProjectId projectId, UserId owner, JobStatus status, Map<String, Object> progress, long characters,
               BigDecimal costUsd, String error, int attempts, Instant createdAt, Instant startedAt, Instant completedAt) {
    }

    record RenderedFile(AudioFileId id, AudioJobId jobId, AudioProjectId projectId, String kind, int position, String title, FileId fileId,
                        String contentType, long bytes, long durationMs, Map<String, Object> acx, Instant createdAt) {
    }

    private final JdbcClient db;
    private final LeasedQueue<AudioJobId> queue;

    AudioProjects(JdbcClient db, TransactionTemplate transactions, MeterRegistry meters) {
        this.db = db;
        this.queue = new LeasedQueue<>(db, transactions, LeasedQueue.Definition.of("media.audio_jobs", AudioJobId::new));
        queue.bindTo(meters);   // its gauges: jobs waiting and running
    }

    LeasedQueue<AudioJobId> queue() {
        return queue;
    }

    Project create(BookId book, UserId owner, String title, String engine, List<Casting.Cast> cast) {
        AudioProjectId id = AudioProjectId.random();
        db.sql("INSERT INTO media.audio_projects (id, book_id, user_id, title, engine) VALUES (:id, :book, :user, :title, :engine)")
                .param("id", id.value()).param("book", book.value()).param("user", owner.value()).param("title", title)
                .param("engine", engine).update();
        replaceCast(id, cast);
        return find(id).orElseThrow();
    }

    void replaceCast(AudioProjectId project, List<Casting.Cast> cast) {
        db.sql("DELETE FROM media.audio_voices WHERE project_id = :project").param("project", project.value()).update();
        int position = 0;
        for (Casting.Cast voice : cast) {
            db.sql("""
                    INSERT INTO media.audio_voices (id, project_id, character_name, voice, gender, age, pitch, rate, position)
                    VALUES (:id, :project, :character, :voice, :gender, :age, :pitch, :rate, :position)""")
                    .param("id", UUID.randomUUID()).param("project", project.value()).param("character", voice.character())
                    .param("voice", voice.voice()).param("gender", voice.gender().name()).param("age", voice.age().name())
                    .param("pitch", voice.pitch()).param("rate", voice.rate()).param("position", position++).update();
        }
    }

    void setEngine(AudioProjectId project, String engine) {
        db.sql("UPDATE media.audio_projects SET engine = :engine, updated_at = now() WHERE id = :id")
                .param("engine", engine).param("id", project.value()).update();
    }

    Optional<Project> find(AudioProjectId id) {
        return db.sql("SELECT * FROM media.audio_projects WHERE id = :id").param("id", id.value()).query(AudioProjects::project).optional();
    }

    Optional<Project> findByBook(BookId book, UserId owner) {
        return db.sql("SELECT * FROM media.audio_projects WHERE book_id = :book AND user_id = :user")
                .param("book", book.value()).param("user", owner.value()).query(AudioProjects::project).optional();
    }

    List<Project> list(UserId owner, int limit) {
        return db.sql("SELECT * FROM media.audio_projects WHERE user_id = :user ORDER BY created_at DESC, id LIMIT :limit")
                .param("user", owner.value()).param("limit", limit).query(AudioProjects::project).list();
    }

    boolean delete(AudioProjectId id) {
        return db.sql("DELETE FROM media.audio_projects WHERE id = :id").param("id", id.value()).update() == 1;
    }

    List<Voice> voices(AudioProjectId project) {
        return db.sql("SELECT * FROM media.audio_voices WHERE project_id = :project ORDER BY position")
                .param("project", project.value()).query(AudioProjects::voice).list();
    }

    Optional<Voice> voice(AudioProjectId project, VoiceId id) {
        return db.sql("SELECT * FROM media.audio_voices WHERE project_id = :project AND id = :id")
                .param("project", project.value()).param("id", id.value()).query(AudioProjects::voice).optional();
    }

    void updateVoice(Voice voice) {
        db.sql("UPDATE media.audio_voices SET voice = :voice, gender = :gender, age = :age, pitch = :pitch, rate = :rate WHERE id = :id")
                .param("voice", voice.voice()).param("gender", voice.gender().name()).param("age", voice.age().name())
                .param("pitch", voice.pitch()).param("rate", voice.rate()).param("id", voice.id().value()).update();
        db.sql("UPDATE media.audio_projects SET updated_at = now() WHERE id = :id").param("id", voice.projectId().value()).update();
    }

    Job enqueue(Project project) {
        AudioJobId id = AudioJobId.random();
        db.sql("INSERT INTO media.audio_jobs (id, project_id, user_id, status) VALUES (:id, :project, :user, 'QUEUED')")
                .param("id", id.value()).param("project", project.id().value()).param("user", project.owner().value()).update();
        return job(id).orElseThrow();
    }

    Optional<Job> job(AudioJobId id) {
        return db.sql("SELECT * FROM media.audio_jobs WHERE id = :id").param("id", id.value()).query(AudioProjects::job).optional();
    }

    List<Job> jobs(AudioProjectId project, int limit) {
        return db.sql("SELECT * FROM media.audio_jobs WHERE project_id = :project ORDER BY created_at DESC, id LIMIT :limit")
                .param("project", project.value()).param("limit", limit).query(AudioProjects::job).list();
    }

    /** The newest finished render of the project. */
    Optional<Job> latestDone(AudioProjectId project) {
        return db.sql("SELECT * FROM media.audio_jobs WHERE project_id = :project AND status = 'DONE' ORDER BY completed_at DESC, id LIMIT 1")
                .param("project", project.value()).query(AudioProjects::job).optional();
    }

    void progress(AudioJobId id, Map<String, Object> progress, long characters, BigDecimal cost) {
        db.sql("UPDATE media.audio_jobs SET progress = CAST(:progress AS jsonb), characters = :characters, cost_usd = :cost WHERE id = :id")
                .param("progress", JSON.writeValueAsString(progress)).param("characters", characters).param("cost", cost)
                .param("id", id.value()).update();
    }

    boolean finish(Lease<AudioJobId> lease, JobStatus status, String error) {
        return queue.finish(lease, status.name(), error == null ? Map.of() : Map.of("error_message", error));
    }

    void addFile(AudioJobId job, AudioProjectId project, String kind, int position, String title, FileId file, String contentType,
                 long bytes, long durationMs, Map<String, Object> acx) {
        db.sql("""
                INSERT INTO media.audio_outputs (id, job_id, project_id, kind, position, title, file_id, content_type, bytes, duration_ms, acx)
                VALUES (:id, :job, :project, :kind, :position, :title, :file, :type, :bytes, :duration, CAST(:acx AS jsonb))""")
                .param("id", UUID.randomUUID()).param("job", job.value()).param("project", project.value()).param("kind", kind)
                .param("position", position).param("title", title).param("file", file.value()).param("type", contentType)
                .param("bytes", bytes).param("duration", durationMs).param("acx", acx == null ? null : JSON.writeValueAsString(acx)).update();
    }

    List<RenderedFile> files(AudioJobId job) {
        return db.sql("SELECT * FROM media.audio_outputs WHERE job_id = :job ORDER BY position, created_at")
                .param("job", job.value()).query(AudioProjects::file).list();
    }

    Optional<RenderedFile> file(AudioProjectId project, AudioFileId id) {
        return db.sql("SELECT * FROM media.audio_outputs WHERE project_id = :project AND id = :id")
                .param("project", project.value()).param("id", id.value()).query(AudioProjects::file).optional();
    }

    /** Removes what an earlier attempt of the job stored (a render claimed again starts over); their files are returned. */
    List<FileId> clearFiles(AudioJobId job) {
        return db.sql("DELETE FROM media.audio_outputs WHERE job_id = :job RETURNING file_id").param("job", job.value())
                .query(UUID.class).list().stream().map(FileId::new).toList();
    }

    List<FileId> fileIds(AudioProjectId project) {
        return db.sql("SELECT file_id FROM media.audio_outputs WHERE project_id = :project").param("project", project.value())
                .query(UUID.class).list().stream().map(FileId::new).toList();
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(new AudioProjectId(rs.getObject("id", UUID.class)), new BookId(rs.getObject("book_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)), rs.getString("title"), rs.getString("engine"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Voice voice(ResultSet rs, int row) throws SQLException {
        return new Voice(new VoiceId(rs.getObject("id", UUID.class)), new AudioProjectId(rs.getObject("project_id", UUID.class)),
                rs.getString("character_name"), rs.getString("voice"), SpeechEngine.Gender.valueOf(rs.getString("gender")),
                SpeechEngine.Age.valueOf(rs.getString("age")), rs.getInt("pitch"), rs.getInt("rate"), rs.getInt("position"));
    }

    @SuppressWarnings("unchecked")
    private static Job job(ResultSet rs, int row) throws SQLException {
        return new Job(new AudioJobId(rs.getObject("id", UUID.class)), new AudioProjectId(rs.getObject("project_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)), JobStatus.valueOf(rs.getString("status")),
                JSON.readValue(rs.getString("progress"), Map.class), rs.getLong("characters"), rs.getBigDecimal("cost_usd"),
                rs.getString("error_message"), rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "completed_at"));
    }

    @SuppressWarnings("unchecked")
    private static RenderedFile file(ResultSet rs, int row) throws SQLException {
        String acx = rs.getString("acx");
        return new RenderedFile(new AudioFileId(rs.getObject("id", UUID.class)), new AudioJobId(rs.getObject("job_id", UUID.class)),
                new AudioProjectId(rs.getObject("project_id", UUID.class)), rs.getString("kind"), rs.getInt("position"), rs.getString("title"),
                new FileId(rs.getObject("file_id", UUID.class)), rs.getString("content_type"), rs.getLong("bytes"), rs.getLong("duration_ms"),
                acx == null ? null : JSON.readValue(acx, Map.class), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}

package com.authorworks.content.internal;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/** Where a user's own model servers are (Ollama, OpenAI-compatible): used for that user's books instead of the server's. */
@Component
public class ProviderEndpoints {

    private final JdbcClient db;

    ProviderEndpoints(JdbcClient db) {
        this.db = db;
    }

    /** A user's address for one provider. */
    public record Endpoint(String provider, URI baseUrl, Instant updatedAt) {
    }

    /** The name of a provider whose address a user may give (one that has an address of its own); else a 404 naming those. */
    public static String provider(String name) {
        String provider = name.strip().toLowerCase(Locale.ROOT);
        if (ProviderCatalogue.find(provider).filter(p -> p.baseUrlVariable() != null).isEmpty()) {
            throw Problem.notFound("provider-not-found", "An address can be given for " + String.join(", ", ProviderCatalogue.all().stream()
                    .filter(p -> p.baseUrlVariable() != null).map(ProviderCatalogue.Provider::name).sorted().toList()) + ".");
        }
        return provider;
    }

    /** Stores an address already checked by {@link ProviderAddresses#parse}. */
    public Endpoint store(UserId user, String provider, URI baseUrl) {
        db.sql("""
                INSERT INTO content.provider_endpoints (user_id, provider, base_url) VALUES (:user, :provider, :url)
                ON CONFLICT (user_id, provider) DO UPDATE SET base_url = excluded.base_url, updated_at = now()""")
                .param("user", user.value()).param("provider", provider).param("url", baseUrl.toString()).update();
        return find(user, provider).orElseThrow();
    }

    public Optional<Endpoint> find(UserId user, String provider) {
        return db.sql("SELECT provider, base_url, updated_at FROM content.provider_endpoints WHERE user_id = :user AND provider = :provider")
                .param("user", user.value()).param("provider", provider).query((rs, row) -> new Endpoint(rs.getString("provider"),
                        URI.create(rs.getString("base_url")), rs.getObject("updated_at", OffsetDateTime.class).toInstant())).optional();
    }

    public List<Endpoint> list(UserId user) {
        return db.sql("SELECT provider, base_url, updated_at FROM content.provider_endpoints WHERE user_id = :user ORDER BY provider")
                .param("user", user.value()).query((rs, row) -> new Endpoint(rs.getString("provider"),
                        URI.create(rs.getString("base_url")), rs.getObject("updated_at", OffsetDateTime.class).toInstant())).list();
    }

    public boolean delete(UserId user, String provider) {
        return db.sql("DELETE FROM content.provider_endpoints WHERE user_id = :user AND provider = :provider")
                .param("user", user.value()).param("provider", provider).update() == 1;
    }
}

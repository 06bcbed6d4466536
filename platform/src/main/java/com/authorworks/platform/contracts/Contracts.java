package com.authorworks.platform.contracts;

/**
 * What every published contract agrees on. A contract is an interface in the callee's root package
 * annotated with {@code @HttpExchange} under {@link #PATH_PREFIX}{@code <service>/}: in one process
 * the callee's bean implements it, in another an HTTP client made by {@link ServiceClients} does.
 */
public final class Contracts {

    /** Where contract endpoints live; {@code /api/v1/internal/storage/...} belongs to the storage service. */
    public static final String PATH_PREFIX = "/api/v1/internal/";
    /**
     * The user a contract call acts for. The callee checks it against the caller's credentials
     * ({@link Callers#actingFor}): a user's own token acts only for that user.
     */
    public static final String ON_BEHALF_OF = "AuthorWorks-On-Behalf-Of";
    /** The header that carries a service token ({@link ServiceTokens}); honoured on contract endpoints only. */
    public static final String SERVICE_TOKEN = "AuthorWorks-Service-Token";

    private Contracts() {
    }
}

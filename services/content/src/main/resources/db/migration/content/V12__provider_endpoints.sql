-- A user's own model server (Ollama, or an OpenAI-compatible one such as llama.cpp, vLLM, LM Studio or OpenRouter):
-- where its API is, for that user's books. The key, when it takes one, is in provider_keys.
CREATE TABLE provider_endpoints (
    user_id    uuid        NOT NULL,
    provider   text        NOT NULL,
    base_url   text        NOT NULL CHECK (length(base_url) <= 500),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider)
);

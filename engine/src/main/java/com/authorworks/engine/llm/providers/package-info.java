/** Adapters from the LLM port to Anthropic, OpenAI (and compatible servers), Gemini and Ollama, plus retry and fallback. */
package com.authorworks.engine.llm.providers;

/** The engine's port to language models: one interface, typed failures, usage as the provider reports it. */
package com.authorworks.engine.llm;

/** A stand-in model provider over real HTTP (OpenAI Chat Completions and Anthropic Messages) that answers like a real model, misbehaviour included; it knows nothing of the engine. */
package com.authorworks.engine.standin;

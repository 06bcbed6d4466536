/** The engine's machinery: the pipeline, prompts, schemas, context assembly. Not API. */
package com.authorworks.engine.internal;

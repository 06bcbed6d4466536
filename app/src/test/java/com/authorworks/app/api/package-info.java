/** The platform's HTTP API held to its own OpenAPI document: every operation fuzzed, every resource tried by a stranger. */
package com.authorworks.app.api;

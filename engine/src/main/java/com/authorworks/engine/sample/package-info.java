/** The offline sample writer: a deterministic, clearly labelled stand-in for a language model. */
package com.authorworks.engine.sample;

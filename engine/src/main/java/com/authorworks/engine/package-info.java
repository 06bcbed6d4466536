/** The context-aware generation engine: turns an idea into a coherent book, scene by scene, under a token budget. */
package com.authorworks.engine;

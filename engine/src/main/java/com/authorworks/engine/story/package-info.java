/** The story state the engine plans and remembers: plan artifacts, scene memories and the story ledger. */
package com.authorworks.engine.story;

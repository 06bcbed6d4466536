/** The codex: a book's editable story bible, the ledger its drafting prompts carry. */
package com.authorworks.content.codex;

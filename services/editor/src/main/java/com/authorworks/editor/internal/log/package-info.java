/** The shared documents in PostgreSQL: the append-only update log, snapshots, the ticket key. */
package com.authorworks.editor.internal.log;

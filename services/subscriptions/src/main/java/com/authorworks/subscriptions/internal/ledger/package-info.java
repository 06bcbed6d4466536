/** The double-entry ledger: every money movement as postings that sum to zero, in integer minor units. */
package com.authorworks.subscriptions.internal.ledger;

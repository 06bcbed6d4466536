/** Outgoing mail: SMTP when configured, else .eml files in the data directory for the developer. */
package com.authorworks.identity.internal.mail;

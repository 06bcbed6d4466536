/** Accounts: registration, sign-in, refresh, sign-out, email verification and passwords. */
package com.authorworks.identity.internal.accounts;

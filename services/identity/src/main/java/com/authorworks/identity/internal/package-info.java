/** The identity service's internals: nothing here is for other services. */
package com.authorworks.identity.internal;

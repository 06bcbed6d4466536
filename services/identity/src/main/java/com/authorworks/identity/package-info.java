/** The identity service's published API: who users are, as other services may ask. */
package com.authorworks.identity;

/** Who is calling: bearer access tokens validated with the identity service's public key. */
package com.authorworks.platform.security;

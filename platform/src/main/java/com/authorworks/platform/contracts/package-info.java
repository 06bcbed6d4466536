/** Calls between services: the published contracts' HTTP clients, service tokens, and who a contract call acts for. */
package com.authorworks.platform.contracts;

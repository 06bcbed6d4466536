/** Users' own provider keys (BYOK), encrypted at rest. */
package com.authorworks.content.keys;

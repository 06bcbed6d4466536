/** Storage, access policy, rich text and versions shared by the content service's features. */
package com.authorworks.content.internal;

/** Users as others see them: profiles, preferences, roles, follows, blocks and the user listings. */
package com.authorworks.identity.internal.profiles;

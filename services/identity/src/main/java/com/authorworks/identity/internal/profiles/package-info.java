/** Users as others see them: profiles, preferences, roles, follows and the user listings. */
package com.authorworks.identity.internal.profiles;

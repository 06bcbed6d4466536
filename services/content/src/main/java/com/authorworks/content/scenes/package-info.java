/** The {@code Scenes} contract: a scene's text and a user's access to it, for the editor service. */
package com.authorworks.content.scenes;

/** Audiobooks: projects, voice casting, dialogue attribution, ACX-mastered chapters, M4B, retail sample, podcast feed. */
package com.authorworks.media.audio;

/** The text-to-speech port and its adapters: the offline espeak-ng voice, OpenAI TTS and ElevenLabs. */
package com.authorworks.media.audio.speech;

/** What media's features share: its settings and the command-line tools (ffmpeg, espeak-ng) it runs. */
package com.authorworks.media.internal;

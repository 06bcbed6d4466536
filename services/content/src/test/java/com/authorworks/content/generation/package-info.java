/** Tests of how a generation request becomes the engine's spec. */
package com.authorworks.content.generation;

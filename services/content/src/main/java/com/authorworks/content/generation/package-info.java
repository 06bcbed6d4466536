/** Generation jobs: the durable queue, workers, progress events and usage accounts. */
package com.authorworks.content.generation;

package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of memory that runs out names the option that raises it. */
class OutOfMemoryTest {

    @Test
    void eachKindOfMemorySaysItsOwnOption() {
        assertThat(OutOfMemory.describe(new OutOfMemoryError("Metaspace"))).contains("-XX:MaxMetaspaceSize=");
        assertThat(OutOfMemory.describe(new OutOfMemoryError("Cannot reserve 4096 bytes of direct buffer memory")))
                .contains("direct buffer memory").contains("JAVA_OPTS=-XX:MaxDirectMemorySize=");
        assertThat(OutOfMemory.describe(new OutOfMemoryError("unable to create native thread: possibly out of "
                + "memory or process/resource limits reached"))).contains("ulimit -u");
        assertThat(OutOfMemory.describe(new OutOfMemoryError("Java heap space"))).startsWith(
                "out of memory: the Java heap (at most ").contains("JAVA_OPTS=-Xmx");
    }

    @Test
    void theSuggestedHeapIsTwiceTheLimitRoundedUpToAPowerOfTwo() {
        assertThat(OutOfMemory.suggestedHeapMiB(245)).as("-Xmx256m reports about 245 MiB").isEqualTo(512);
        assertThat(OutOfMemory.suggestedHeapMiB(256)).isEqualTo(512);
        assertThat(OutOfMemory.suggestedHeapMiB(29)).isEqualTo(64);
    }
}

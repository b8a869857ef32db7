/**
 * What a developer's machine or CI needs around the EAR, started by {@code ./exchange}: RocketMQ
 * (name server and broker, each in its own JVM so a test can stop the broker), a dev SMTP server
 * whose inbox is readable over HTTP, embedded MariaDB and Redis where none is running, and dev
 * JWT keys. Production runs the real servers and none of this.
 */
package exchange.devinfra;

/** Socket code, queues and executors behind the exported traffic API. Not exported. */
package nym.traffic.internal;

package nym.topology.internal.json;

/** The body of every 4xx and 5xx answer: {@code {"error": one line}}. */
record ErrorJson(String error) {}

package io.happyos.samples.logger;

/** How important a log entry is, least first. */
public enum LogLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR
}

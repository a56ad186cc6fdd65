package io.happyos.registry;

/** Formats the dependency graph can be exported in. */
public enum GraphFormat {
    /** Graphviz DOT: {@code dot -Tsvg} renders it. */
    DOT,
    /** A Mermaid {@code flowchart}: renders on GitHub and in Markdown viewers. */
    MERMAID,
    /** JSON: {@code {"nodes":[{id,name,type,status}],"edges":[{from,to,origin}]}}. */
    JSON
}

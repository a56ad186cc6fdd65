package io.happyos.registry.bench;

import io.happyos.registry.text.JsonOutput;
import java.util.List;
import java.util.Locale;

/** The suite's rows as a Markdown table and as JSON. */
final class ResultTable {

    private ResultTable() {}

    static String line(BenchRow r) {
        return String.format(
                Locale.ROOT,
                "   %-60s %12s %-8s vs %-40s %12s  ratio %7s  target %-16s %s",
                r.benchmark(),
                number(r.ours()),
                r.unit(),
                r.anchor(),
                number(r.anchorValue()),
                ratio(r.ratio()),
                r.target(),
                r.met() ? "met" : "MISSED");
    }

    static String markdown(String header, List<BenchRow> rows) {
        StringBuilder md = new StringBuilder("# HappyOS Registry benchmark suite\n\n")
                .append(header)
                .append("\n\n");
        md.append("| benchmark | ours | anchor | anchor's figure | ratio | target | met | note |\n");
        md.append("| --- | ---: | --- | ---: | ---: | --- | --- | --- |\n");
        for (BenchRow r : rows) {
            md.append("| ")
                    .append(r.benchmark())
                    .append(" | ")
                    .append(number(r.ours()))
                    .append(' ')
                    .append(r.unit())
                    .append(" | ")
                    .append(r.anchor())
                    .append(" | ")
                    .append(Double.isNaN(r.anchorValue()) ? "-" : number(r.anchorValue()) + " " + r.unit())
                    .append(" | ")
                    .append(ratio(r.ratio()))
                    .append(" | ")
                    .append(r.target())
                    .append(" | ")
                    .append(r.met() ? "yes" : "**no**")
                    .append(" | ")
                    .append(r.note().replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }

    static String json(String header, List<BenchRow> rows) {
        return JsonOutput.text(json -> {
                    json.writeStartObject();
                    json.writeStringField("run", header);
                    json.writeArrayFieldStart("rows");
                    for (BenchRow r : rows) {
                        json.writeStartObject();
                        json.writeStringField("benchmark", r.benchmark());
                        json.writeStringField("unit", r.unit());
                        json.writeFieldName("ours");
                        JsonOutput.number(json, r.ours());
                        json.writeStringField("anchor", r.anchor());
                        json.writeFieldName("anchorValue");
                        JsonOutput.number(json, r.anchorValue());
                        json.writeFieldName("ratio");
                        JsonOutput.number(json, r.ratio());
                        json.writeStringField("target", r.target());
                        json.writeBooleanField("met", r.met());
                        json.writeStringField("note", r.note());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                })
                + "\n";
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f×", v);
    }
}

package io.happyos.registry.bench;

import io.happyos.registry.core.export.JsonStrings;
import java.util.List;
import java.util.Locale;

/** The suite's rows as a Markdown table and as JSON. */
final class ResultTable {

    private ResultTable() {
    }

    static String line(BenchRow r) {
        return String.format(Locale.ROOT, "   %-60s %12s %-8s vs %-40s %12s  ratio %7s  target %-16s %s",
                r.benchmark(), number(r.ours()), r.unit(), r.anchor(), number(r.anchorValue()), ratio(r.ratio()),
                r.target(), r.met() ? "met" : "MISSED");
    }

    static String markdown(String header, List<BenchRow> rows) {
        StringBuilder md = new StringBuilder("# HappyOS Registry benchmark suite\n\n").append(header).append("\n\n");
        md.append("| benchmark | ours | anchor | anchor's figure | ratio | target | met | note |\n");
        md.append("| --- | ---: | --- | ---: | ---: | --- | --- | --- |\n");
        for (BenchRow r : rows) {
            md.append("| ").append(r.benchmark()).append(" | ").append(number(r.ours())).append(' ').append(r.unit())
                    .append(" | ").append(r.anchor()).append(" | ")
                    .append(Double.isNaN(r.anchorValue()) ? "-" : number(r.anchorValue()) + " " + r.unit())
                    .append(" | ").append(ratio(r.ratio())).append(" | ").append(r.target()).append(" | ")
                    .append(r.met() ? "yes" : "**no**").append(" | ").append(r.note().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    static String json(String header, List<BenchRow> rows) {
        StringBuilder json = new StringBuilder("{\"run\":").append(string(header)).append(",\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            BenchRow r = rows.get(i);
            json.append(i == 0 ? "" : ",").append("{\"benchmark\":").append(string(r.benchmark()))
                    .append(",\"unit\":").append(string(r.unit()))
                    .append(",\"ours\":").append(jsonNumber(r.ours()))
                    .append(",\"anchor\":").append(string(r.anchor()))
                    .append(",\"anchorValue\":").append(jsonNumber(r.anchorValue()))
                    .append(",\"ratio\":").append(jsonNumber(r.ratio()))
                    .append(",\"target\":").append(string(r.target()))
                    .append(",\"met\":").append(r.met())
                    .append(",\"note\":").append(string(r.note())).append('}');
        }
        return json.append("]}\n").toString();
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

    private static String jsonNumber(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : Double.toString(v);
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder();
        JsonStrings.append(out, s);
        return out.toString();
    }
}

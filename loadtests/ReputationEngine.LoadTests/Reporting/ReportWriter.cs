using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReputationEngine.LoadTests.Alerts;

namespace ReputationEngine.LoadTests.Reporting;

/// <summary>Writes the JSON report, the PNG chart beside it and a markdown summary that embeds the chart.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Returns the paths written (json, markdown, chart).</summary>
    public static (string Json, string Markdown, string? Chart) Write(LoadReport report, IReadOnlyList<ObservedAlert> alerts, string jsonPath)
    {
        var full = Path.GetFullPath(jsonPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToJson(report));
        var chart = Path.ChangeExtension(full, ".png");
        string? chartWritten = chart;
        try
        {
            ChartRenderer.Render(report, alerts, chart);
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or IOException)
        {
            // A machine without the native drawing library still gets its numbers.
            chartWritten = null;
        }

        var markdown = Path.ChangeExtension(full, ".md");
        File.WriteAllText(markdown, Markdown(report, chartWritten is null ? null : Path.GetFileName(chart)));
        return (full, markdown, chartWritten);
    }

    /// <summary>The JSON report (DESIGN §4.8 names, camelCase; null fields written as null).</summary>
    public static string ToJson(LoadReport report) => JsonSerializer.Serialize(report, Json);

    public static string Markdown(LoadReport r, string? chartFile)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# Load test: {r.Profile}");
        md.AppendLine();
        md.AppendLine(c, $"Started {r.StartedAt:u} against {r.Target}, seed {r.Seed}, run `{r.RunId}`, {r.ProcessorCount} cores.");
        md.AppendLine();
        md.AppendLine("| measure | value |");
        md.AppendLine("|---|---|");
        md.AppendLine(c, $"| accepted throughput | **{r.ThroughputPerSec:N0}/s** (peak second {r.PeakThroughputPerSec:N0}/s; aim {r.TargetRatePerSec:N0}/s, offered {r.OfferedPerSec:N0}/s) |");
        md.AppendLine(c, $"| scoring ceiling (same run) | {r.ScoringCeilingPerSec:N0}/s all cores, {r.ScoringCeilingSingleThreadPerSec:N0}/s one thread |");
        md.AppendLine(c, $"| throughput / ceiling | **{r.CeilingRatio:P1}** (ceiling before {r.ScoringCeilingBeforePerSec:N0}/s, after {r.ScoringCeilingAfterPerSec:N0}/s) |");
        md.AppendLine(c, $"| CPU per mention: engine / bare scoring | {Show(r.Engine.CpuMicrosPerMention, "F0")} µs / {r.ScoringCpuMicrosPerText:F1} µs (scoring share {(r.CpuCeilingRatio is { } q ? q.ToString("P1", c) : "–")}) |");
        md.AppendLine(c, $"| accepted / counted / lost | {r.Accepted:N0} / {Show(r.Counted)} / **{r.Lost:N0}** |");
        md.AppendLine(c, $"| duplicates dropped / items rejected | {r.Duplicates:N0} / {r.Rejected:N0} |");
        md.AppendLine(c, $"| requests (failed) | {r.Requests:N0} ({r.FailedRequests:N0}) |");
        md.AppendLine(c, $"| ingest latency p50 / p99 / p99.9 / max | {Ms(r.IngestLatencyMs.P50)} / {Ms(r.IngestLatencyMs.P99)} / {Ms(r.IngestLatencyMs.P999)} / {Ms(r.IngestLatencyMs.Max)} |");
        md.AppendLine(c, $"| alert latency p50 / p99 ({r.AlertLatencyMs.Channel ?? "no channel"}) | {Ms(r.AlertLatencyMs.P50)} / {Ms(r.AlertLatencyMs.P99)} |");
        md.AppendLine(c, $"| bursts injected / detected / false alerts (burst detectors firing without a burst) | {r.Bursts.Injected} / {Show(r.Bursts.Detected)} / {Show(r.FalseAlerts)} |");
        if (r.FalseAlertsByKind is { Count: > 0 } byKind)
        {
            md.AppendLine(c, $"| false alerts by kind | {Kinds(byKind)} |");
        }

        md.AppendLine(c, $"| SLA breaches (CRM response-time rule: not a burst detector, not counted as false alerts) | {Show(r.SlaBreaches)} |");
        if (r.NonBurstAlertsByKind?.Where(p => p.Key != AlertKinds.SlaBreach).ToList() is { Count: > 0 } others)
        {
            md.AppendLine(c, $"| other alerts that are not burst detectors, by kind | {Kinds(others)} |");
        }
        md.AppendLine(c, $"| engine CPU avg / max | {Pct(r.Engine.CpuAvgPercent)} / {Pct(r.Engine.CpuMaxPercent)}{(r.Engine.InProcess ? " (in-process: includes the load generator)" : "")} |");
        md.AppendLine(c, $"| working set start / max / end | {Mb(r.Engine.WorkingSetStartMb)} / {Mb(r.Engine.WorkingSetMaxMb)} / {Mb(r.Engine.WorkingSetEndMb)} (trend {Show(r.Engine.MemorySlopeMbPerMin, "F1")} MB/min) |");
        md.AppendLine(c, $"| sending / draining | {r.SendSeconds:F1} s / {r.DrainSeconds:F1} s |");
        md.AppendLine();
        if (chartFile is not null)
        {
            md.AppendLine(c, $"![throughput, bursts and alerts]({chartFile})");
            md.AppendLine();
        }

        md.AppendLine("## Bursts");
        md.AppendLine();
        md.AppendLine("| # | origin | topic | mentions | first sent (s) | detectable (s) | detected | alert | latency |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var b in r.Bursts.Items)
        {
            md.AppendLine(c, $"| {b.Index} | {b.Origin} | `{b.TopicId}` | {b.AcceptedMentions:N0}/{b.PlannedMentions:N0} | {Show(b.FirstSentSec, "F1")} | {Show(b.DetectableSec, "F1")} | {Show(b.Detected)} | {b.AlertKind ?? "–"} | {Ms(b.AlertLatencyMs)} |");
        }

        md.AppendLine();
        md.AppendLine("## Alert channels");
        md.AppendLine();
        foreach (var (channel, s) in r.AlertChannels)
        {
            md.AppendLine(c, $"- {channel}: {(s.Available ? $"{s.Alerts} alerts, {s.BurstsDetected} bursts detected, p50 {Ms(s.P50)}, p99 {Ms(s.P99)}" : "not available on this engine")}");
        }

        if (r.Notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in r.Notes)
            {
                md.AppendLine(c, $"- {note}");
            }
        }

        return md.ToString();
    }

    private static string Kinds(IEnumerable<KeyValuePair<string, int>> byKind) =>
        string.Join(", ", byKind.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));

    private static string Ms(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:F1} ms") : "–";

    private static string Mb(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:F0} MB") : "–";

    private static string Pct(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:F0} %") : "–";

    private static string Show<T>(T? value) where T : struct => value is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture)! : "–";

    private static string Show(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}

using ReputationEngine.LoadTests.Alerts;
using ScottPlot;

namespace ReputationEngine.LoadTests.Reporting;

/// <summary>Throughput over time with the injected bursts shaded and alert arrivals marked (PNG).</summary>
public static class ChartRenderer
{
    public const int Width = 1200;
    public const int Height = 500;
    private const double BurstShadeAlpha = 0.15;

    public static void Render(LoadReport report, IReadOnlyList<ObservedAlert> alerts, string path)
    {
        var plot = new Plot();
        var seconds = report.Timeline.Select(p => (double)p.Second).ToArray();
        if (seconds.Length > 0)
        {
            var sent = plot.Add.Scatter(seconds, report.Timeline.Select(p => (double)p.Sent).ToArray());
            sent.LegendText = "sent / s";
            sent.MarkerSize = 0;
            var accepted = plot.Add.Scatter(seconds, report.Timeline.Select(p => (double)p.Accepted).ToArray());
            accepted.LegendText = "accepted / s";
            accepted.MarkerSize = 0;
            accepted.LineWidth = 2;
        }

        foreach (var burst in report.Bursts.Items.Where(b => b.FirstSentSec is not null))
        {
            var end = burst.DetectableSec is { } d && burst.FirstAlertSec is { } a ? Math.Max(d, a) : burst.FirstSentSec!.Value + 1;
            var span = plot.Add.HorizontalSpan(burst.FirstSentSec!.Value, end, Colors.Orange.WithAlpha(BurstShadeAlpha));
            span.LegendText = burst.Index == 0 ? "burst (sent → alert)" : "";
        }

        // slaBreach alerts (CRM response-time rule) are not burst detectors: drawn apart so they are not read as false alerts.
        var firstDetector = true;
        var firstSla = true;
        foreach (var alert in alerts.Where(a => a.Channel == report.AlertLatencyMs.Channel))
        {
            var detector = AlertKinds.IsBurstDetector(alert.Kind);
            var line = plot.Add.VerticalLine(alert.ArrivedAtSec, 1, detector ? Colors.Red : Colors.Gray);
            line.LegendText = detector && firstDetector ? $"alert ({alert.Channel})"
                : !detector && firstSla ? $"{AlertKinds.SlaBreach} / other non-burst alert ({alert.Channel})"
                : "";
            firstDetector &= !detector;
            firstSla &= detector;
        }

        plot.Title($"{report.Profile}: {report.ThroughputPerSec:N0} accepted/s = {report.CeilingRatio:P0} of scoring ceiling ({report.ScoringCeilingPerSec:N0}/s)");
        plot.XLabel("seconds since start");
        plot.YLabel("mentions per second");
        plot.ShowLegend();
        plot.SavePng(path, Width, Height);
    }
}

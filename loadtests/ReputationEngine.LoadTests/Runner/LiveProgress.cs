using System.Globalization;
using Spectre.Console;

namespace ReputationEngine.LoadTests.Runner;

/// <summary>
/// Live progress: a Spectre.Console table refreshed in place on a terminal, or a plain line every
/// <see cref="PlainInterval"/> when output is redirected (CI logs).
/// </summary>
public static class LiveProgress
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(Func<ProgressView> view, CancellationToken cancellationToken)
    {
        try
        {
            if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
            {
                await AnsiConsole.Live(Render(view())).StartAsync(async ctx =>
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        ctx.UpdateTarget(Render(view()));
                        await Task.Delay(RefreshInterval, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    }

                    ctx.UpdateTarget(Render(view()));
                });
                return;
            }

            using var timer = new PeriodicTimer(PlainInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Console.WriteLine(Line(view()));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public static string Line(ProgressView v) => string.Create(CultureInfo.InvariantCulture,
        $"[{v.ElapsedSec,6:F1}s] {v.Phase,-8} schedule {v.ScheduleSec:F0}/{v.ScheduleTotalSec:F0}s sent {v.Sent:N0} accepted {v.Accepted:N0} ({v.AcceptedLastSecond:N0}/s) counted {(v.Counted is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "–")} p99 {(v.P99Ms is { } p ? p.ToString("F0", CultureInfo.InvariantCulture) : "–")} ms bursts {v.BurstsSent}/{v.BurstsTotal} alerts {v.Alerts} (burst detectors {v.DetectorAlerts}, slaBreach {v.SlaBreaches}: not false alerts) cpu {(v.CpuPercent is { } cpu ? cpu.ToString("F0", CultureInfo.InvariantCulture) : "–")}% ws {(v.WorkingSetMb is { } ws ? ws.ToString("F0", CultureInfo.InvariantCulture) : "–")} MB");

    private static Table Render(ProgressView v)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title($"ReputationEngine load test: [bold]{v.Phase}[/]");
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("elapsed", string.Create(c, $"{v.ElapsedSec:F1} s"));
        table.AddRow("schedule", string.Create(c, $"{v.ScheduleSec:F0} / {v.ScheduleTotalSec:F0} s"));
        table.AddRow("sent", v.Sent.ToString("N0", c));
        table.AddRow("accepted", v.Accepted.ToString("N0", c));
        table.AddRow("accepted last second", v.AcceptedLastSecond.ToString("N0", c));
        table.AddRow("counted by topics", v.Counted?.ToString("N0", c) ?? "–");
        table.AddRow("ingest p99", v.P99Ms is { } p ? string.Create(c, $"{p:F1} ms") : "–");
        table.AddRow("bursts started", string.Create(c, $"{v.BurstsSent} / {v.BurstsTotal}"));
        table.AddRow("alerts seen", v.Alerts.ToString(c));
        table.AddRow("  from burst detectors", v.DetectorAlerts.ToString(c));
        table.AddRow("  slaBreach (CRM SLA rule, not false alerts)", v.SlaBreaches.ToString(c));
        table.AddRow("CPU", v.CpuPercent is { } cpu ? string.Create(c, $"{cpu:F0} %") : "–");
        table.AddRow("working set", v.WorkingSetMb is { } ws ? string.Create(c, $"{ws:F0} MB") : "–");
        return table;
    }
}

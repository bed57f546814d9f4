using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ReputationEngine.LoadTests.Alerts;
using ReputationEngine.LoadTests.Measurement;
using ReputationEngine.LoadTests.Reporting;
using ReputationEngine.LoadTests.Runner;
using ReputationEngine.LoadTests.Traffic;

namespace ReputationEngine.LoadTests.Tests;

/// <summary>
/// Which alerts the harness counts as detections, false alerts and SLA breaches: slaBreach (the CRM response-time
/// rule) is never a false alert nor a detection; the four burst detectors are judged against the injected bursts.
/// </summary>
public sealed class AlertClassificationTests
{
    private static readonly TopicCatalog Topics = new(4, "t");

    // Topics[0] gets a burst whose first mention is sent at 10 s, Topics[1] one at 50 s; Topics[2] has no burst.
    private static readonly string BurstA = Topics.Ids[0], BurstB = Topics.Ids[1], Calm = Topics.Ids[2];

    private static ObservedAlert Alert(string id, string topic, string kind, double at, string channel = AlertChannels.Api) =>
        new(channel, id, topic, kind, at);

    [Fact]
    public void Tally_SlaBreachesApart_FalseAlertsOnlyFromBurstDetectors()
    {
        var runTopics = Topics.Ids.ToHashSet(StringComparer.Ordinal);
        var burstStart = new Dictionary<string, double>(StringComparer.Ordinal) { [BurstA] = 10, [BurstB] = 50 };
        ObservedAlert[] alerts =
        [
            Alert("a1", Calm, "volumeSpike", 5),                                   // no burst on the topic: false
            Alert("a2", BurstA, "influencerComplaint", 3),                         // before its burst: false
            Alert("a3", BurstA, "negativeSpike", 12),                              // the burst explains it
            Alert("a4", Calm, "viralConversation", 20, AlertChannels.SignalR),     // false, seen on two channels: once
            Alert("a4", Calm, "viralConversation", 20.5, AlertChannels.Api),
            Alert("s1", Calm, "slaBreach", 30),                                    // SLA breach outside any burst: not false
            Alert("s2", BurstB, "slaBreach", 40),                                  // SLA breach before a burst: not false
            Alert("s3", BurstA, "slaBreach", 60, AlertChannels.Webhook),           // SLA breach inside a burst: counted once
            Alert("s3", BurstA, "slaBreach", 61, AlertChannels.Api),
            Alert("x1", Calm, "somethingNew", 70),                                 // a kind the harness does not know
            Alert("o1", "someone-elses-topic", "volumeSpike", 1),                  // not the run's topic: ignored
            Alert("o2", "someone-elses-topic", "slaBreach", 1),
        ];

        var tally = AlertTally.Of(alerts, runTopics, burstStart);

        Assert.Equal(3, tally.FalseAlerts);
        Assert.Equal("influencerComplaint 1, viralConversation 1, volumeSpike 1", Show(tally.FalseAlertsByKind));
        Assert.Equal(3, tally.SlaBreaches);
        Assert.Equal("slaBreach 3, somethingNew 1", Show(tally.NonBurstAlertsByKind));
    }

    [Fact]
    public void Tally_OnlySlaBreachesWithoutBursts_NoFalseAlerts()
    {
        var runTopics = Topics.Ids.ToHashSet(StringComparer.Ordinal);
        ObservedAlert[] alerts = [.. Enumerable.Range(0, 118).Select(i => Alert($"s{i}", Topics.Ids[i % 4], "slaBreach", i))];

        var tally = AlertTally.Of(alerts, runTopics, new Dictionary<string, double>());

        Assert.Equal((0, 118), (tally.FalseAlerts, tally.SlaBreaches));
        Assert.Empty(tally.FalseAlertsByKind);
    }

    [Fact]
    public void Match_SlaBreachOnABurstTopic_NeitherDetectsTheBurstNorCountsAsFalse()
    {
        CascadeEvent[] events = [new(0, -1, "post", "tw:a", 10)];
        BurstPlan[] plans =
        [
            new(0, BurstPlan.HawkesOrigin, 0, TimeSpan.Zero, TimeSpan.FromSeconds(5), events, "root"),
            new(1, BurstPlan.HawkesOrigin, 1, TimeSpan.Zero, TimeSpan.FromSeconds(5), events, "root"),
        ];
        var tracker = new BurstTracker(plans.Length);
        tracker.Sent([1, 0], 10);
        tracker.Sent([0, 1], 50);
        tracker.Accepted([BurstTracker.DetectableMentions, 0], 11);
        tracker.Accepted([0, BurstTracker.DetectableMentions], 51);
        var collector = new AlertCollector(new Stopwatch());
        collector.MarkAvailable(AlertChannels.Api);
        ObservedAlert[] alerts =
        [
            Alert("s1", BurstA, "slaBreach", 10.5),       // first on burst A's topic, but an SLA breach
            Alert("v1", BurstA, "volumeSpike", 13),       // the detection: 2 s after detectable
            Alert("s2", BurstB, "slaBreach", 55),         // burst B only ever gets an SLA breach: missed
            Alert("s3", Calm, "slaBreach", 20),
            Alert("f1", Calm, "influencerComplaint", 21),
        ];

        var (bursts, latency, tally, channels) = AlertMatcher.Match(plans, Topics, tracker, collector, alerts);

        Assert.Equal((2, 1, 1), (bursts.Injected, bursts.Detected, bursts.Missed));
        var a = bursts.Items[0];
        Assert.Equal(((bool?)true, (double?)13.0, "volumeSpike", (double?)2000.0), (a.Detected, a.FirstAlertSec, a.AlertKind, a.AlertLatencyMs));
        var b = bursts.Items[1];
        Assert.Equal(((bool?)false, (double?)null, (string?)null, (double?)null), (b.Detected, b.FirstAlertSec, b.AlertKind, b.AlertLatencyMs));
        Assert.Equal(((double?)2000.0, (double?)2000.0, AlertChannels.Api), (latency.P50, latency.P99, latency.Channel));
        Assert.Equal((1, 3), (tally!.FalseAlerts, tally.SlaBreaches));
        Assert.Equal("influencerComplaint 1", Show(tally.FalseAlertsByKind));
        Assert.Equal((5, 1), (channels[AlertChannels.Api].Alerts, channels[AlertChannels.Api].BurstsDetected));
    }

    [Fact]
    public void Match_NoAlertChannel_TallyNull()
    {
        var collector = new AlertCollector(new Stopwatch());

        var outcome = AlertMatcher.Match([], Topics, new BurstTracker(0), collector, []);

        Assert.Null(outcome.Tally);
        Assert.Null(outcome.Bursts.Detected);
    }

    [Fact]
    public void Count_LiveLine_DistinctAlertsSplitByDetectorAndSlaBreach()
    {
        ObservedAlert[] alerts =
        [
            Alert("v1", BurstA, "volumeSpike", 1, AlertChannels.SignalR),
            Alert("v1", BurstA, "volumeSpike", 1, AlertChannels.Api),
            Alert("i1", Calm, "influencerComplaint", 2),
            Alert("s1", Calm, "slaBreach", 3, AlertChannels.SignalR),
            Alert("s1", Calm, "slaBreach", 3, AlertChannels.Webhook),
            Alert("s2", Calm, "slaBreach", 4),
            Alert("x1", Calm, "somethingNew", 5),
        ];

        Assert.Equal((5, 2, 2), AlertTally.Count(alerts));
    }

    [Fact]
    public void LiveLine_SaysSlaBreachesAreNotFalseAlerts()
    {
        var view = new ProgressView("sending", 12.5, 10, 60, 1000, 990, 80, 900, 35.2, 1, 3, 5, 2, 3, 55, 420);

        var line = LiveProgress.Line(view);

        Assert.Contains(" bursts 1/3 alerts 5 (burst detectors 2, slaBreach 3: not false alerts) cpu 55% ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_SlaBreachesApartFromFalseAlerts_JsonKeepsDesignFields()
    {
        var report = Report(falseAlerts: 4, slaBreaches: 118, others: new() { ["slaBreach"] = 118, ["somethingNew"] = 2 });

        var markdown = ReportWriter.Markdown(report, chartFile: null);
        var json = JsonDocument.Parse(ReportWriter.ToJson(report)).RootElement;

        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("| bursts injected / detected / false alerts (burst detectors firing without a burst) | 3 / 3 / 4 |", lines);
        Assert.Contains("| false alerts by kind | influencerComplaint 4 |", lines);
        Assert.Contains("| SLA breaches (CRM response-time rule: not a burst detector, not counted as false alerts) | 118 |", lines);
        Assert.Contains("| other alerts that are not burst detectors, by kind | somethingNew 2 |", lines);

        Assert.Equal(4, json.GetProperty("falseAlerts").GetInt32());
        Assert.Equal(4, json.GetProperty("falseAlertsByKind").GetProperty("influencerComplaint").GetInt32());
        Assert.Equal(118, json.GetProperty("slaBreaches").GetInt32());
        Assert.Equal(118, json.GetProperty("nonBurstAlertsByKind").GetProperty("slaBreach").GetInt32());
        // DESIGN §4.8: the fields a report holds at least, under their contract names.
        foreach (var field in new[] { "throughputPerSec", "accepted", "counted", "lost", "ingestLatencyMs", "alertLatencyMs", "bursts", "falseAlerts", "scoringCeilingPerSec" })
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }

        Assert.Equal((3, 3), (json.GetProperty("bursts").GetProperty("injected").GetInt32(), json.GetProperty("bursts").GetProperty("detected").GetInt32()));
        Assert.True(json.GetProperty("ingestLatencyMs").TryGetProperty("p999", out _));
        Assert.True(json.GetProperty("alertLatencyMs").TryGetProperty("p99", out _));
    }

    [Fact]
    public void Reports_NoAlertChannel_SlaBreachesNullAndShownAsDash()
    {
        var report = Report(falseAlerts: null, slaBreaches: null, others: null);

        var markdown = ReportWriter.Markdown(report, chartFile: null);
        var json = JsonDocument.Parse(ReportWriter.ToJson(report)).RootElement;

        Assert.Contains("| SLA breaches (CRM response-time rule: not a burst detector, not counted as false alerts) | – |", markdown.Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (json.GetProperty("slaBreaches").ValueKind, json.GetProperty("falseAlerts").ValueKind));
    }

    private static string Show(IReadOnlyDictionary<string, int> byKind) => string.Join(", ", byKind.Select(p => $"{p.Key} {p.Value}"));

    private static LoadReport Report(int? falseAlerts, int? slaBreaches, Dictionary<string, int>? others) => new()
    {
        Profile = "smoke",
        ThroughputPerSec = 200,
        Accepted = 4_000,
        Counted = 4_000,
        Lost = 0,
        IngestLatencyMs = new LatencySummary(100, 900, 1_000, 1_100),
        AlertLatencyMs = new AlertLatencySummary(500, 900, AlertChannels.SignalR),
        Bursts = new BurstSummary(3, 3, 0, []),
        FalseAlerts = falseAlerts,
        FalseAlertsByKind = falseAlerts is { } f ? new Dictionary<string, int> { ["influencerComplaint"] = f } : null,
        SlaBreaches = slaBreaches,
        NonBurstAlertsByKind = others,
        ScoringCeilingPerSec = 100_000,
        ScoringCeilingSingleThreadPerSec = 50_000,
        ScoringCeilingBeforePerSec = 100_000,
        ScoringCeilingAfterPerSec = 100_000,
        ScoringCpuMicrosPerText = 20,
        CpuCeilingRatio = 0.01,
        CeilingRatio = 0.002,
        PeakThroughputPerSec = 400,
        TargetRatePerSec = 250,
        OfferedPerSec = 250,
        Sent = 4_000,
        Duplicates = 0,
        Rejected = 0,
        Requests = 40,
        FailedRequests = 0,
        Applied = 4_000,
        Target = "in-process",
        Seed = 1,
        RunId = "t",
        StartedAt = DateTimeOffset.Parse("2026-11-23T08:00:00Z", CultureInfo.InvariantCulture),
        SendSeconds = 20,
        DrainSeconds = 2,
        ProcessorCount = 2,
        Engine = new EngineUsage(true, null, null, null, null, null, null, null, null, null),
        AlertChannels = new Dictionary<string, AlertChannelSummary>(),
        Notes = [],
        Timeline = [],
    };
}

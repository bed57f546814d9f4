using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using ReputationEngine.LoadTests.Alerts;
using ReputationEngine.LoadTests.Cli;
using ReputationEngine.LoadTests.Engine;
using ReputationEngine.LoadTests.Measurement;
using ReputationEngine.LoadTests.Profiles;
using ReputationEngine.LoadTests.Reporting;
using ReputationEngine.LoadTests.Traffic;

namespace ReputationEngine.LoadTests.Runner;

/// <summary>
/// One run: measure the scoring ceiling, start (or reach) the engine, attach the alert channels, send the
/// profile's traffic, wait until the topics count everything accepted, match alerts to bursts, report.
/// </summary>
public sealed class LoadRunner(LoadTestOptions options)
{
    public const int ExitOk = 0;
    public const int ExitLost = 1;
    public const int ExitFailed = 2;

    /// <summary>Schedule slices the generator fills at a time.</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);

    /// <summary>When the engine cannot keep up, sending stretches to at most this many times the schedule.</summary>
    public const double MaxStretch = 6;

    public const int CeilingSampleTexts = 20_000;
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan AlertPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>Requests prepared ahead of the senders, per sender.</summary>
    private const int QueuedPerSender = 1;
    private const int CountingParallelism = 8;
    private const int StatusAccepted = 202;

    private readonly Stopwatch _clock = new();
    private readonly RunCounters _counters = new();
    private readonly LatencyRecorder _latency = new();
    private readonly Timeline _timeline = new();
    private readonly List<string> _notes = [];
    private double _scheduleSec;
    private long _counted = -1;
    private string _phase = "starting";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var profile = LoadProfiles.Get(options.Profile);
        profile = profile with
        {
            Duration = options.Duration ?? profile.Duration,
            BaselineRatePerSec = options.Rate ?? profile.BaselineRatePerSec,
            DailyCycle = options.Duration ?? profile.DailyCycle,
            Warmup = options.Duration is { } d ? TimeSpan.FromTicks(Math.Min(profile.Warmup.Ticks, d.Ticks / 4)) : profile.Warmup,
        };
        var startedAt = DateTimeOffset.UtcNow;
        var runId = options.RunId ?? startedAt.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);

        Console.WriteLine($"Profile {profile.Name}: {profile.Duration} at {profile.BaselineRatePerSec:N0}/s baseline (aim {profile.TargetRatePerSec:N0}/s), seed {options.Seed}, run {runId}");
        var ceiling = ScoringCeiling.Measure(TrafficGenerator.SampleTexts(CeilingSampleTexts, options.Seed));
        Console.WriteLine($"Scoring ceiling: {ceiling.AllCores:N0}/s on {Environment.ProcessorCount} cores ({ceiling.SingleThread:N0}/s one thread)");

        var replays = CascadeLibrary.Load(new Random(options.Seed), profile.CascadeReplays);
        if (replays.Count < profile.CascadeReplays)
        {
            _notes.Add($"Real cascades: {replays.Count} of {profile.CascadeReplays} loaded (set {CascadeLibrary.DataDirVariable} or run inside the repository next to shared/data).");
        }

        // Event time ends at the start time: everything is in the past (the engine refuses the far future).
        var eventOrigin = startedAt - profile.Duration * profile.EventTimeScale;
        var generator = new TrafficGenerator(profile, options.Seed, runId, eventOrigin, replays);

        // An in-process engine takes the key as its admin key, so one is made up when none was given.
        var apiKey = options.ApiKey ?? (options.Target is null ? "loadtest-" + Guid.NewGuid().ToString("N") : null);
        InProcessEngine? engine = null;
        try
        {
            if (options.Target is null)
            {
                Console.WriteLine("Starting the engine in-process (real Kestrel on 127.0.0.1, temp data dir)…");
                engine = InProcessEngine.Start(apiKey);
            }

            var baseAddress = options.Target ?? engine!.BaseAddress;
            using var client = new EngineClient(baseAddress, apiKey, profile.Concurrency + CountingParallelism);
            if (!await WaitHealthyAsync(client, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"The engine at {baseAddress} did not become healthy within {HealthTimeout}.");
                return ExitFailed;
            }

            var report = await RunAgainstAsync(profile, generator, client, baseAddress, apiKey, ceiling, startedAt, runId, cancellationToken);
            if (report.Report.Accepted == 0)
            {
                _notes.Add("Nothing was accepted: check --target and --api-key.");
            }

            var paths = ReportWriter.Write(report.Report, report.Alerts, options.ReportPath);
            Console.WriteLine(Summary(report.Report));
            Console.WriteLine($"Report: {paths.Json}, {paths.Markdown}{(paths.Chart is null ? "" : ", " + paths.Chart)}");
            return report.Report.Lost > 0 ? ExitLost : report.Report.Accepted == 0 ? ExitFailed : ExitOk;
        }
        finally
        {
            if (engine is not null)
            {
                await engine.DisposeAsync();
            }
        }
    }

    private async Task<(LoadReport Report, IReadOnlyList<ObservedAlert> Alerts)> RunAgainstAsync(
        LoadProfile profile, TrafficGenerator generator, EngineClient client, Uri baseAddress, string? apiKey,
        (double AllCores, double SingleThread) ceiling, DateTimeOffset startedAt, string runId, CancellationToken cancellationToken)
    {
        using var background = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _clock.Start();
        var collector = new AlertCollector(_clock);
        var tracker = new BurstTracker(generator.Bursts.Count);
        var sampler = new ProcessSampler(options.Target is null ? null : options.EnginePid);
        if (options.Target is not null && options.EnginePid is null)
        {
            _notes.Add("Engine CPU and memory not sampled: pass --engine-pid with --target.");
        }

        await using var webhook = new WebhookReceiver(collector);
        await using var signalR = new SignalRAlertListener(baseAddress, apiKey, collector);
        await AttachAlertChannelsAsync(generator, client, webhook, signalR, collector, cancellationToken);

        var samplerTask = options.Target is null || options.EnginePid is not null ? sampler.RunAsync(_clock, background.Token) : Task.CompletedTask;
        var pollerTask = new AlertApiPoller(client, collector).RunAsync(background.Token);
        var progressTask = LiveProgress.RunAsync(() => View(sampler, collector, generator, tracker, profile), background.Token);

        // Sending.
        _phase = "sending";
        var sendStart = _clock.Elapsed;
        var measureCpu = options.Target is null || options.EnginePid is not null;
        var cpuAtStart = sampler.TotalCpu();
        using var stretchLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stretchLimit.CancelAfter(profile.Duration * MaxStretch);
        var queue = Channel.CreateBounded<RequestBatch>(new BoundedChannelOptions(profile.Concurrency * QueuedPerSender) { SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(profile, generator, queue.Writer, sendStart, stretchLimit.Token), cancellationToken);
        var senders = Enumerable.Range(0, profile.Concurrency)
            .Select(_ => Task.Run(() => SendAsync(client, queue.Reader, tracker, stretchLimit.Token, cancellationToken), cancellationToken))
            .ToArray();
        await producer;
        await Task.WhenAll(senders);
        var sendSeconds = (_clock.Elapsed - sendStart).TotalSeconds;

        // Draining: the topics must count every accepted mention.
        _phase = "draining";
        var drainStart = _clock.Elapsed;
        var counted = await DrainAsync(client, generator.Topics, profile.DrainTimeout, cancellationToken);
        var drainSeconds = (_clock.Elapsed - drainStart).TotalSeconds;
        TimeSpan? cpuUsed = measureCpu ? sampler.TotalCpu() - cpuAtStart : null;
        long? applied = await client.GetIngestStatusAsync(cancellationToken) is { } status && status.TryGetProperty("applied", out var a) && a.ValueKind == JsonValueKind.Number
            ? a.GetInt64() : null;

        // Alerts still under way for bursts not yet detected.
        _phase = "alerts";
        await WaitForAlertsAsync(generator, collector, tracker, profile.AlertGrace, cancellationToken);
        _phase = "done";
        await background.CancelAsync();
        await Task.WhenAll(samplerTask, pollerTask, progressTask);

        var alerts = collector.Snapshot();
        var (bursts, alertLatency, tally, channels) = AlertMatcher.Match(generator.Bursts, generator.Topics, tracker, collector, alerts);
        if (!AlertChannels.All.Any(collector.IsAvailable))
        {
            _notes.Add("This engine has no alerts API, dashboard hub or webhooks yet: alert latency, detected bursts and false alerts are null.");
        }

        var accepted = _counters.Accepted;
        var lost = counted is { } c ? Math.Max(0, accepted - c) : accepted;
        if (lost > 0 && counted is not null)
        {
            _notes.Add($"After draining for {drainSeconds:F0} s (limit {profile.DrainTimeout.TotalSeconds:F0} s) the topics counted {counted:N0} of {accepted:N0} accepted: reported as lost. If the count was still rising, the engine is behind rather than losing (its mention log replays the rest after a restart); the run still fails, since nobody can see those mentions.");
        }
        if (counted is null)
        {
            _notes.Add("Topic counts could not be read: everything accepted is reported lost.");
        }

        var (sent, acceptedSeries) = _timeline.Snapshot();
        var samples = sampler.Samples;
        var timeline = Enumerable.Range(0, sent.Length).Select(s =>
        {
            var sample = samples.Where(x => (int)x.ElapsedSec == s + 1).Select(x => (ResourceSample?)x).FirstOrDefault();
            return new TimelinePoint(s, sent[s], acceptedSeries[s], sample?.CpuPercent, sample?.WorkingSetMb);
        }).ToList();
        var throughput = accepted / Math.Max(sendSeconds, 1e-3);
        var after = ScoringCeiling.Measure(TrafficGenerator.SampleTexts(CeilingSampleTexts, options.Seed));
        var ceilingMean = (ceiling.AllCores + after.AllCores) / 2;
        var singleMean = (ceiling.SingleThread + after.SingleThread) / 2;
        var engine = Usage(sampler, sendStart.TotalSeconds, sendStart.TotalSeconds + sendSeconds, cpuUsed, counted);
        var scoringMicros = 1e6 / singleMean;
        var report = new LoadReport
        {
            Profile = profile.Name,
            ThroughputPerSec = Math.Round(throughput, 1),
            Accepted = accepted,
            Counted = counted,
            Lost = lost,
            IngestLatencyMs = new LatencySummary(_latency.PercentileMs(50), _latency.PercentileMs(99), _latency.PercentileMs(99.9), _latency.MaxMs()),
            AlertLatencyMs = alertLatency,
            Bursts = bursts,
            FalseAlerts = tally?.FalseAlerts,
            FalseAlertsByKind = tally?.FalseAlertsByKind,
            SlaBreaches = tally?.SlaBreaches,
            NonBurstAlertsByKind = tally?.NonBurstAlertsByKind,
            ScoringCeilingPerSec = Math.Round(ceilingMean, 1),
            ScoringCeilingSingleThreadPerSec = Math.Round(singleMean, 1),
            ScoringCeilingBeforePerSec = Math.Round(ceiling.AllCores, 1),
            ScoringCeilingAfterPerSec = Math.Round(after.AllCores, 1),
            ScoringCpuMicrosPerText = Math.Round(scoringMicros, 2),
            CpuCeilingRatio = engine.CpuMicrosPerMention is { } perMention ? Math.Round(scoringMicros / perMention, 4) : null,
            CeilingRatio = Math.Round(throughput / ceilingMean, 4),
            PeakThroughputPerSec = acceptedSeries.Length == 0 ? 0 : acceptedSeries.Max(),
            TargetRatePerSec = profile.TargetRatePerSec,
            OfferedPerSec = Math.Round(_counters.Sent / Math.Max(sendSeconds, 1e-3), 1),
            Sent = _counters.Sent,
            Duplicates = _counters.Duplicates,
            Rejected = _counters.Rejected,
            Requests = _counters.Requests,
            FailedRequests = _counters.FailedRequests,
            Applied = applied,
            Target = options.Target?.ToString() ?? $"in-process {baseAddress}",
            Seed = options.Seed,
            RunId = runId,
            StartedAt = startedAt,
            SendSeconds = Math.Round(sendSeconds, 2),
            DrainSeconds = Math.Round(drainSeconds, 2),
            ProcessorCount = Environment.ProcessorCount,
            Engine = engine,
            AlertChannels = channels,
            Notes = _notes,
            Timeline = timeline,
        };
        return (report, alerts);
    }

    private async Task AttachAlertChannelsAsync(TrafficGenerator generator, EngineClient client, WebhookReceiver webhook,
        SignalRAlertListener signalR, AlertCollector collector, CancellationToken cancellationToken)
    {
        var hook = await webhook.StartAsync(cancellationToken);
        if (await client.RegisterWebhookAsync(hook, webhook.Secret, generator.Topics.Ids, cancellationToken) is { } refused)
        {
            _notes.Add($"Webhook latency not measured: the engine refused the harness's webhook to {hook} ({refused}). "
                + "An engine under --target reaches a loopback receiver only when started with Webhooks__AllowedNetworks__0=127.0.0.0/8.");
        }
        else
        {
            collector.MarkAvailable(AlertChannels.Webhook);
        }

        await signalR.StartAsync(generator.Topics.Ids, cancellationToken);
    }

    private async Task ProduceAsync(LoadProfile profile, TrafficGenerator generator, ChannelWriter<RequestBatch> writer, TimeSpan sendStart, CancellationToken cancellationToken)
    {
        var pending = new List<SyntheticMention>(profile.BatchSize * 2);
        var schedule = TimeSpan.Zero;
        try
        {
            while (schedule < profile.Duration)
            {
                var wall = _clock.Elapsed - sendStart;
                if (schedule > wall)
                {
                    // Never ahead of the clock: the schedule is the offered rate.
                    await Task.Delay(schedule - wall, cancellationToken);
                }

                var to = schedule + Slice < profile.Duration ? schedule + Slice : profile.Duration;
                generator.Fill(schedule, to, pending);
                schedule = to;
                Volatile.Write(ref _scheduleSec, schedule.TotalSeconds);
                while (pending.Count >= profile.BatchSize)
                {
                    await writer.WriteAsync(ToBatch(pending, profile.BatchSize, generator.Bursts.Count, schedule), cancellationToken);
                }
            }

            if (pending.Count > 0)
            {
                await writer.WriteAsync(ToBatch(pending, pending.Count, generator.Bursts.Count, schedule), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _notes.Add($"Sending stopped at schedule {schedule.TotalSeconds:F0} s of {profile.Duration.TotalSeconds:F0} s: the engine stayed behind for {MaxStretch}× the planned time; requests still queued were not sent.");
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static RequestBatch ToBatch(List<SyntheticMention> pending, int count, int bursts, TimeSpan schedule)
    {
        var items = pending.GetRange(0, count);
        pending.RemoveRange(0, count);
        var burstItems = new int[bursts];
        var duplicates = 0;
        var invalid = 0;
        foreach (var m in items)
        {
            if (m.IsDuplicate)
            {
                duplicates++;
            }
            else if (m.Defect != MentionDefect.None)
            {
                invalid++;
            }
            else if (m.Burst >= 0)
            {
                burstItems[m.Burst]++;
            }
        }

        return new RequestBatch(NdjsonEncoder.Encode(items), items.Count, duplicates, invalid, burstItems, schedule);
    }

    private async Task SendAsync(EngineClient client, ChannelReader<RequestBatch> reader, BurstTracker tracker, CancellationToken stretchLimit, CancellationToken cancellationToken)
    {
        await foreach (var batch in reader.ReadAllAsync(cancellationToken))
        {
            if (stretchLimit.IsCancellationRequested)
            {
                continue; // past the stretch limit: drop what is queued, requests in flight still finish
            }

            var sentAt = _clock.Elapsed;
            tracker.Sent(batch.BurstItems, sentAt.TotalSeconds);
            _timeline.AddSent(sentAt.TotalSeconds, batch.Items);
            _counters.AddSent(batch.Items);
            var reply = await client.PostMentionsAsync(batch.Body, cancellationToken);
            var done = _clock.Elapsed;
            if (reply.Status != StatusAccepted)
            {
                _counters.AddFailure();
                continue;
            }

            _latency.Record(done - sentAt);
            _counters.AddReply(reply.Accepted, reply.Duplicates, reply.Rejected);
            _timeline.AddAccepted(done.TotalSeconds, reply.Accepted);
            tracker.Accepted(batch.BurstItems, done.TotalSeconds);
        }
    }

    private async Task<long?> DrainAsync(EngineClient client, TopicCatalog topics, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _clock.Elapsed + timeout;
        long? counted = null;
        while (true)
        {
            counted = await CountAsync(client, topics, cancellationToken) ?? counted;
            Interlocked.Exchange(ref _counted, counted ?? -1);
            if (counted >= _counters.Accepted || _clock.Elapsed >= deadline)
            {
                return counted;
            }

            await Task.Delay(DrainPoll, cancellationToken);
        }
    }

    private static async Task<long?> CountAsync(EngineClient client, TopicCatalog topics, CancellationToken cancellationToken)
    {
        long total = 0;
        var failed = false;
        await Parallel.ForEachAsync(topics.Ids, new ParallelOptions { MaxDegreeOfParallelism = CountingParallelism, CancellationToken = cancellationToken }, async (topic, ct) =>
        {
            if (await client.GetTopicTotalAsync(topic, ct) is { } count)
            {
                Interlocked.Add(ref total, count);
            }
            else
            {
                failed = true;
            }
        });
        return failed ? null : total;
    }

    private async Task WaitForAlertsAsync(TrafficGenerator generator, AlertCollector collector, BurstTracker tracker, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!AlertChannels.All.Any(collector.IsAvailable))
        {
            return;
        }

        var deadline = _clock.Elapsed + grace;
        while (_clock.Elapsed < deadline)
        {
            var alerts = collector.Snapshot();
            var undetected = generator.Bursts.Count(b => tracker.Get(b.Index).FirstSentSec is { } start
                && !alerts.Any(a => AlertMatcher.Detects(a, generator.Topics.Ids[b.Topic], start)));
            if (undetected == 0)
            {
                return;
            }

            await Task.Delay(AlertPoll, cancellationToken);
        }
    }

    private static async Task<bool> WaitHealthyAsync(EngineClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < HealthTimeout)
        {
            if (await client.IsHealthyAsync(cancellationToken))
            {
                return true;
            }

            await Task.Delay(DrainPoll, cancellationToken);
        }

        return false;
    }

    private static EngineUsage Usage(ProcessSampler sampler, double fromSec, double toSec, TimeSpan? cpu, long? counted)
    {
        double? cpuSeconds = cpu is { } used ? Math.Round(used.TotalSeconds, 2) : null;
        double? perMention = cpu is { } u && counted is > 0 ? Math.Round(u.TotalMicroseconds / counted.Value, 1) : null;
        var all = sampler.Samples;
        var sending = all.Where(s => s.ElapsedSec > fromSec && s.ElapsedSec <= toSec + 1).ToList();
        if (sending.Count == 0)
        {
            return new EngineUsage(sampler.InProcess, null, null, null, null, null, null, null, null, null);
        }

        // Trend over the second half of sending: warm-up growth (caches, grain activations) is excluded.
        var half = sending.Skip(sending.Count / 2).ToList();
        double? slope = null;
        if (half.Count >= 2)
        {
            var mx = half.Average(s => s.ElapsedSec);
            var my = half.Average(s => s.WorkingSetMb);
            var sxx = half.Sum(s => (s.ElapsedSec - mx) * (s.ElapsedSec - mx));
            slope = sxx > 0 ? Math.Round(half.Sum(s => (s.ElapsedSec - mx) * (s.WorkingSetMb - my)) / sxx * 60, 2) : null;
        }

        return new EngineUsage(
            sampler.InProcess,
            Math.Round(sending.Average(s => s.CpuPercent), 1),
            Math.Round(sending.Max(s => s.CpuPercent), 1),
            Math.Round(sending[0].WorkingSetMb, 1),
            Math.Round(sending.Max(s => s.WorkingSetMb), 1),
            Math.Round(sending[^1].WorkingSetMb, 1),
            sending.Max(s => s.GcHeapMb) is { } gc ? Math.Round(gc, 1) : null,
            slope,
            cpuSeconds,
            perMention);
    }

    private ProgressView View(ProcessSampler? sampler = null, AlertCollector? collector = null, TrafficGenerator? generator = null,
        BurstTracker? tracker = null, LoadProfile? profile = null)
    {
        var now = _clock.Elapsed.TotalSeconds;
        var latest = sampler?.Latest;
        var alerts = AlertTally.Count(collector?.Snapshot() ?? []);
        return new ProgressView(
            _phase,
            now,
            Volatile.Read(ref _scheduleSec),
            profile?.Duration.TotalSeconds ?? Volatile.Read(ref _scheduleSec),
            _counters.Sent,
            _counters.Accepted,
            _timeline.AcceptedInSecondBefore(now),
            Interlocked.Read(ref _counted) is var counted and >= 0 ? counted : null,
            _latency.PercentileMs(99),
            generator is null || tracker is null ? 0 : generator.Bursts.Count(b => tracker.Get(b.Index).FirstSentSec is not null),
            generator?.Bursts.Count ?? 0,
            alerts.All,
            alerts.BurstDetectors,
            alerts.SlaBreaches,
            latest?.CpuPercent,
            latest?.WorkingSetMb);
    }

    private static string Summary(LoadReport r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Profile}: {r.ThroughputPerSec:N0} accepted/s ({r.CeilingRatio:P1} of the {r.ScoringCeilingPerSec:N0}/s scoring ceiling), accepted {r.Accepted:N0}, counted {r.Counted?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"}, lost {r.Lost:N0}, ingest p50/p99/p99.9 {r.IngestLatencyMs.P50:F1}/{r.IngestLatencyMs.P99:F1}/{r.IngestLatencyMs.P999:F1} ms, bursts {r.Bursts.Injected} injected / {(r.Bursts.Detected?.ToString(CultureInfo.InvariantCulture) ?? "n/a")} detected / {(r.FalseAlerts?.ToString(CultureInfo.InvariantCulture) ?? "n/a")} false (burst detectors), slaBreach {(r.SlaBreaches?.ToString(CultureInfo.InvariantCulture) ?? "n/a")} (not false alerts), alert p99 {(r.AlertLatencyMs.P99?.ToString("F0", CultureInfo.InvariantCulture) ?? "n/a")} ms");
}

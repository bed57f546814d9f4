using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Cli.Replay;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Topics;

namespace ReputationEngine.Cli.Commands;

/// <summary>
/// <c>reputation replay FILE.ndjson [--topics topics.json] [--out alerts.ndjson]</c> (DESIGN §4.1): pushes
/// recorded mentions through the real grains and detectors in event time, as fast as possible and
/// deterministically, then writes every alert (its final state) and one summary per conversation.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Recorded mentions, one ingest JSON object per line" };
        var topics = new Option<FileInfo?>("--topics") { Description = "JSON array of topic definitions ({\"id\",\"name\",\"keywords\",…})" };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write alerts and conversation summaries as NDJSON (default: stdout)" };
        var command = new Command("replay", "Back-test: replay recorded mentions through the real grains and detectors") { file, topics, output };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(topics), parse.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, FileInfo? topicsFile, FileInfo? outFile, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"reputation replay: {file.FullName} does not exist");
            return 2;
        }

        var total = Stopwatch.StartNew();
        TopicDefinition[] topics;
        ReplayInput.Mentions input;
        try
        {
            topics = topicsFile is null ? [] : ReplayInput.ReadTopics(topicsFile.FullName);
            input = ReplayInput.ReadMentions(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException)
        {
            await Console.Error.WriteLineAsync($"reputation replay: {ex.Message}");
            return 2;
        }

        foreach (var error in input.FirstErrors)
        {
            await Console.Error.WriteLineAsync($"skipped {error}");
        }

        var readSeconds = total.Elapsed.TotalSeconds;
        var clock = new ReplayClock();
        using var host = ReplaySilo.Build(clock);
        await host.StartAsync(cancellationToken);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        foreach (var topic in topics)
        {
            await grains.GetGrain<IBrandTopicGrain>(topic.Id).DefineAsync(topic with { UpdatedAt = DateTimeOffset.UnixEpoch });
        }

        var startSeconds = total.Elapsed.TotalSeconds - readSeconds;
        var stopwatch = Stopwatch.StartNew();
        var mentions = input.Valid;
        var driver = new ReplayDriver(grains, clock, host.Services.GetRequiredService<ReplayActiveAlerts>(), host.Services.GetRequiredService<PendingSeeds>(),
            host.Services.GetRequiredService<IOptions<TopicGrainOptions>>().Value.SilenceCheckPeriod);
        await driver.RunAsync(mentions);
        var conversations = driver.Conversations;
        var elapsed = stopwatch.Elapsed;
        var ledger = host.Services.GetRequiredService<InMemoryAlertLedger>();
        var alerts = ledger.Changes
            .GroupBy(c => c.Alert.Id)
            .Select(g => g.MaxBy(c => c.Alert.Version)!.Alert)
            .OrderBy(a => a.OpenedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();

        await using (var writer = outFile is null ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(outFile.FullName))
        {
            foreach (var alert in alerts)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(AlertJson.ToDocument(alert), AlertJson.Options));
            }

            await WriteSummariesAsync(writer, host.Services.GetRequiredService<ReplayGrainStorage>(), grains, conversations, clock.GetUtcNow());
        }

        var outputSeconds = total.Elapsed.TotalSeconds - readSeconds - startSeconds - elapsed.TotalSeconds;
        // Everything is written and the state dies with the process: stop without deactivating every grain one by one
        // (a cancelled token is Orleans' ungraceful stop; a graceful one took longer than the replay itself).
        await host.StopAsync(new CancellationToken(canceled: true));
        var rate = mentions.Count / Math.Max(elapsed.TotalSeconds, 1e-6);
        await Console.Error.WriteLineAsync(
            $"replayed {mentions.Count} mentions ({input.Invalid} invalid, {input.Duplicates} duplicate skipped) in {elapsed.TotalSeconds:F2} s " +
            $"({rate:F0} mentions/s); {alerts.Count} alerts, {conversations.Count} conversations");
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"phases: read {readSeconds:F2} s, silo start {startSeconds:F2} s, grains {elapsed.TotalSeconds:F2} s, output {outputSeconds:F2} s, " +
            $"stop {total.Elapsed.TotalSeconds - readSeconds - startSeconds - elapsed.TotalSeconds - outputSeconds:F2} s; total {total.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }

    private static async Task WriteSummariesAsync(
        StreamWriter writer, ReplayGrainStorage storage, IGrainFactory grains, HashSet<string> conversations, DateTimeOffset now)
    {
        var summaries = ReplaySummaries.Read(storage, grains, [.. conversations.Order(StringComparer.Ordinal)], now);
        foreach (var summary in summaries)
        {
            if (summary is null)
            {
                continue;
            }

            await writer.WriteLineAsync(JsonSerializer.Serialize(
                new ConversationSummaryLine("conversationSummary", summary.ConversationId, summary.Shares, Math.Round(summary.ForecastFinalShares, 1)),
                AlertJson.Options));
        }
    }

    private sealed record ConversationSummaryLine(string Type, string ConversationId, long ObservedShares, double ForecastFinalShares);
}

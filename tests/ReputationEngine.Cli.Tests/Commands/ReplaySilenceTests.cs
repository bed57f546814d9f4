using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Cli.Replay;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Topics;

namespace ReputationEngine.Cli.Tests.Commands;

/// <summary>
/// A topic that falls silent after a spike while another topic goes on: live, its wall-clock silence timer resolves the
/// alert; in a replay the driver does it in event time, so the result cannot depend on how fast the machine replays.
/// </summary>
public sealed class ReplaySilenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BurstEnd = Start.AddHours(6).AddMinutes(10);

    [Fact]
    public async Task Replay_TopicSilentAfterItsSpike_ResolvesInEventTime_SameWhenReplayedSlowly()
    {
        var mentions = Mentions();
        var (fast, fastJson) = await ReplayAsync(mentions, slowly: false);
        var (_, slowJson) = await ReplayAsync(mentions, slowly: true);

        Assert.Equal(fastJson, slowJson);
        var spike = Assert.Single(fast, a => a.TopicId == "acme" && a.Kind == AlertKind.VolumeSpike);
        Assert.InRange(spike.OpenedAt, Start.AddHours(6), BurstEnd);
        // acme has no mention after the burst; only beta's mentions move event time on. Before, the alert stayed open
        // to the end of the replay (timer off) or resolved wherever a wall-clock tick happened to fall (timer on).
        Assert.Equal(AlertState.Resolved, spike.State);
        Assert.InRange(spike.ResolvedAt!.Value, BurstEnd.AddMinutes(15), BurstEnd.AddMinutes(20));
        Assert.All(fast, a => Assert.Equal(AlertState.Resolved, a.State));
    }

    /// <summary>Final state of every alert, in a fixed order, and as the replay writes them.</summary>
    private static async Task<(List<Alert> Alerts, string Json)> ReplayAsync(List<Mention> mentions, bool slowly)
    {
        var clock = new ReplayClock();
        using var host = ReplaySilo.Build(clock);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        foreach (var id in new[] { "acme", "beta" })
        {
            await grains.GetGrain<IBrandTopicGrain>(id).DefineAsync(new TopicDefinition { Id = id, Name = id, Keywords = [id] });
        }

        var driver = new ReplayDriver(grains, clock, host.Services.GetRequiredService<ReplayActiveAlerts>(), host.Services.GetRequiredService<PendingSeeds>(),
            new TopicGrainOptions().SilenceCheckPeriod);
        // Slowly: wall-clock pauses right after acme falls silent, where a wall-clock timer would have ticked.
        await driver.RunAsync(mentions, slowly ? () => clock.GetUtcNow() > BurstEnd && clock.GetUtcNow() < BurstEnd.AddMinutes(30) ? Task.Delay(20) : Task.CompletedTask : null);
        var alerts = host.Services.GetRequiredService<InMemoryAlertLedger>().Changes
            .GroupBy(c => c.Alert.Id)
            .Select(g => g.MaxBy(c => c.Alert.Version)!.Alert)
            .OrderBy(a => a.OpenedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        await host.StopAsync(CancellationToken.None);
        return (alerts, string.Join('\n', alerts.Select(a => JsonSerializer.Serialize(AlertJson.ToDocument(a), AlertJson.Options))));
    }

    /// <summary>
    /// Six calm hours on both topics (a mention every 30 s each), ten minutes of complaints about acme at thirty a
    /// minute, then nothing more about acme while beta stays calm for another two hours.
    /// </summary>
    private static List<Mention> Mentions()
    {
        var list = new List<Mention>();
        void Add(DateTimeOffset at, string topic, string text) => list.Add(new Mention
        {
            Id = $"m{list.Count + 1}",
            Source = "twitter",
            CreatedAt = at,
            AuthorId = $"tw:u{list.Count % 97}",
            Text = text,
            Topics = [topic],
            ConversationId = $"m{list.Count + 1}",
        });

        for (var t = Start; t < BurstEnd.AddHours(2); t = t.AddSeconds(30))
        {
            if (t < Start.AddHours(6))
            {
                Add(t, "acme", "acme order arrived, fine");
            }

            Add(t.AddSeconds(15), "beta", "beta order arrived, fine");
        }

        for (var t = Start.AddHours(6); t < BurstEnd; t = t.AddSeconds(2))
        {
            Add(t, "acme", "acme app is down again, terrible, refund me");
        }

        return [.. list.OrderBy(m => m.CreatedAt)];
    }
}

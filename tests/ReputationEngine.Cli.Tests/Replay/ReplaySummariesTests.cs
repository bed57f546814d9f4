using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Cli.Replay;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Topics;

namespace ReputationEngine.Cli.Tests.Replay;

/// <summary>
/// The replay writes its conversation summaries from the stored state, not from the grains: after the driver, that must
/// be exactly what every grain answers — for conversations only ever seeded and for those that replies and shares took
/// through their grains (whose forecaster lives in memory). Not the SLA fields, which the replay does not write (see Json).
/// </summary>
public sealed class ReplaySummariesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Read_AfterTheDriver_EqualsWhatEveryGrainAnswers()
    {
        var clock = new ReplayClock();
        using var host = ReplaySilo.Build(clock);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IBrandTopicGrain>("acme").DefineAsync(new TopicDefinition { Id = "acme", Name = "Acme", Keywords = ["acme"] });
        var driver = new ReplayDriver(grains, clock, host.Services.GetRequiredService<ReplayActiveAlerts>(), host.Services.GetRequiredService<PendingSeeds>(),
            new TopicGrainOptions().SilenceCheckPeriod);

        await driver.RunAsync(Threads());

        string[] ids = [.. driver.Conversations.Order(StringComparer.Ordinal), "never-seen"];
        var stored = ReplaySummaries.Read(host.Services.GetRequiredService<ReplayGrainStorage>(), grains, ids, clock.GetUtcNow());
        var fromGrains = await Task.WhenAll(ids.Select(id => grains.GetGrain<IConversationGrain>(id).GetSummaryAsync()));
        await host.StopAsync(new CancellationToken(canceled: true));

        Assert.Equal(fromGrains.Select(Json), stored.Select(Json));
        Assert.Null(stored[^1]);
        // Both kinds are there: conversations with shares and replies, and posts nobody answered.
        Assert.Contains(stored, s => s is { Shares: > 5, Messages: > 1 });
        Assert.Contains(stored, s => s is { Shares: 0, Messages: 1 });
    }

    // A grain activated only now checks its customer's SLA wait at the replay's last event time first (OnActivateAsync), which
    // may mark it breached; the stored state is the conversation as the replay left it. The replay writes neither field.
    private static string Json(ConversationSummary? summary) => JsonSerializer.Serialize(summary is null ? null : summary with { SlaDueAt = null, SlaBreachedAt = null });

    /// <summary>Posts about acme every minute for three hours; every fifth gets a reply and a run of shares over the next minutes.</summary>
    private static List<Mention> Threads()
    {
        var list = new List<Mention>();
        for (var i = 0; i < 180; i++)
        {
            var post = $"p{i}";
            var at = Start.AddMinutes(i);
            list.Add(Mention(post, at, MentionKind.Post, post, $"tw:a{i % 41}", i % 3 == 0 ? "acme support is useless, still waiting" : "acme order arrived"));
            if (i % 5 != 0)
            {
                continue;
            }

            list.Add(Mention($"{post}-r", at.AddSeconds(70), MentionKind.Reply, post, $"tw:r{i % 13}", "same with acme here") with { InReplyTo = post });
            for (var s = 0; s < 8 + (i % 7); s++)
            {
                list.Add(Mention($"{post}-s{s}", at.AddSeconds(30 + (s * 45)), MentionKind.Share, post, $"tw:s{(i * 7) + s}", "acme support is useless") with
                {
                    SharedId = post,
                    AuthorFollowers = 50 + (s * 400),
                });
            }
        }

        return [.. list.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    private static Mention Mention(string id, DateTimeOffset at, MentionKind kind, string conversation, string author, string text) => new()
    {
        Id = id,
        Source = "twitter",
        CreatedAt = at,
        AuthorId = author,
        AuthorFollowers = 300,
        Text = text,
        Kind = kind,
        ConversationId = conversation,
    };
}

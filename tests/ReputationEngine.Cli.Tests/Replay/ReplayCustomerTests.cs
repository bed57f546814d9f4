using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Cli.Replay;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Customers;
using ReputationEngine.Grains.Topics;

namespace ReputationEngine.Cli.Tests.Replay;

/// <summary>In a replay nothing reads the customers' topic lists: a customer's apply returns its influence, not its segmentation.</summary>
public sealed class ReplayCustomerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replay_FirstTimeAuthorsAreSeeded_AndEveryCustomerIsTheSameWhicheverPathItsMentionsTook()
    {
        var mentions = Posts();
        string[] authors = [.. mentions.Select(m => m.AuthorId).Distinct().Order(StringComparer.Ordinal)];

        // As fast as it goes (returning authors mostly find their activation) ...
        var (fast, seededRows) = await ReplayAsync(mentions, authors, collectAfterEachBatch: false);
        // ... and with every activation collected after each batch (returning authors' inserts fail and go through the grain).
        var (slow, _) = await ReplayAsync(mentions, authors, collectAfterEachBatch: true);

        Assert.Equal(fast, slow);
        // Every author's first mentions were written without the grain: each has a row though nothing deactivated (the
        // replay writes customer grains only when they deactivate).
        Assert.Equal(authors.Length, seededRows);
    }

    private static async Task<(string[] Profiles, int StoredCustomers)> ReplayAsync(List<Mention> mentions, string[] authors, bool collectAfterEachBatch)
    {
        var clock = new ReplayClock();
        using var host = ReplaySilo.Build(clock);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IBrandTopicGrain>("acme").DefineAsync(new TopicDefinition { Id = "acme", Name = "Acme", Keywords = ["acme"] });
        var driver = new ReplayDriver(grains, clock, host.Services.GetRequiredService<ReplayActiveAlerts>(), host.Services.GetRequiredService<PendingSeeds>(),
            new TopicGrainOptions().SilenceCheckPeriod);
        var management = grains.GetGrain<IManagementGrain>(0);

        await driver.RunAsync(mentions, collectAfterEachBatch ? () => management.ForceActivationCollection(TimeSpan.Zero) : null);

        var storage = host.Services.GetRequiredService<ReplayGrainStorage>();
        var stored = authors.Count(a => storage.Stored<CustomerState>(CustomerSeeder.StateName, grains.GetGrain<ICustomerGrain>(a).GetGrainId()) is not null);
        var profiles = await Task.WhenAll(authors.Select(a => grains.GetGrain<ICustomerGrain>(a).GetProfileAsync()));
        await host.StopAsync(new CancellationToken(canceled: true));
        return ([.. profiles.Select(p => JsonSerializer.Serialize(p))], stored);
    }

    /// <summary>Two hours of posts about acme, one a minute, from 37 authors (so most return), some replied to by a brand.</summary>
    private static List<Mention> Posts()
    {
        var list = new List<Mention>();
        for (var i = 0; i < 120; i++)
        {
            var at = Start.AddMinutes(i);
            list.Add(new Mention
            {
                Id = $"p{i}",
                Source = "twitter",
                CreatedAt = at,
                AuthorId = $"tw:a{(i * 7) % 37}",
                AuthorFollowers = 100 + (i * 37),
                Text = i % 4 == 0 ? "acme support is useless, still waiting" : "acme order arrived, thanks",
                ConversationId = $"p{i}",
            });
            if (i % 6 == 0)
            {
                list.Add(new Mention
                {
                    Id = $"p{i}-r",
                    Source = "twitter",
                    CreatedAt = at.AddSeconds(90),
                    AuthorId = $"tw:a{(i * 11) % 37}",
                    AuthorFollowers = 5_000,
                    Text = "same with acme here",
                    ConversationId = $"p{i}",
                    Kind = MentionKind.Reply,
                    InReplyTo = $"p{i}",
                });
            }
        }

        return [.. list.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Apply_InTheReplaySilo_ReturnsTheInfluenceWithoutSegmenting()
    {
        var clock = new ReplayClock();
        using var host = ReplaySilo.Build(clock);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var at = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        clock.AdvanceTo(at);
        var customer = grains.GetGrain<ICustomerGrain>("tw:angry");
        var mentions = Enumerable.Range(1, 3).Select(i => new ScoredMention(i, new Mention
        {
            Id = $"m{i}",
            Source = "twitter",
            CreatedAt = at.AddMinutes(i),
            AuthorId = "tw:angry",
            AuthorFollowers = 250_000,
            Text = "acme refund me now",
            ConversationId = $"m{i}",
        }, SentimentLabel.Negative, -0.9f, ["acme"])).ToArray();

        var summary = await customer.ApplyAsync(new MentionBatch("replay", mentions, 0));
        var profile = await customer.GetProfileAsync();
        await host.StopAsync(new CancellationToken(canceled: true));

        Assert.NotNull(summary);
        Assert.Equal(profile!.Influence, summary.Influence);
        Assert.Equal(3, summary.Mentions);
        // The profile segments (three negative mentions in a day from an influential customer); the apply did not.
        Assert.NotEmpty(profile.SegmentReasons);
        Assert.Empty(summary.SegmentReasons);
    }
}

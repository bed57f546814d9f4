using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Cli.Replay;

namespace ReputationEngine.Cli.Tests.Replay;

/// <summary>In a replay nothing reads the customers' topic lists: a customer's apply returns its influence, not its segmentation.</summary>
public sealed class ReplayCustomerTests
{
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

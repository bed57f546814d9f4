using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Alerts;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// Live engine: a topic that falls silent after a spike resolves its alert by its own silence timer, which runs on
/// the (here fake) wall clock. Its own cluster and clock, so moving it does not disturb the SLA tests' clock; in their
/// collection only so the two fake-time clusters do not run at once (the SLA tests wait on timers in wall time).
/// </summary>
[Collection(FakeTimeClusterCollection.Name)]
public sealed class TopicSilenceTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Time = new(BaseTime);
    private static readonly InMemoryAlertLedger Ledger = new([]);
    private readonly TestCluster _cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    [Fact]
    public async Task LiveTopic_SilentAfterSpike_ResolvesByItsTimer()
    {
        var topic = _cluster.GrainFactory.GetGrain<IBrandTopicGrain>("live-silence");
        await topic.DefineAsync(new TopicDefinition { Id = "live-silence", Name = "live" });
        var sequence = 0L;
        // An hour of calm (two mentions a minute), then a minute with sixty: the spike opens in that batch.
        for (var minute = 0; minute <= 60; minute++)
        {
            var count = minute == 60 ? 60 : 2;
            var batch = Enumerable.Range(0, count).Select(i =>
                Scored(++sequence, Mention($"ls{sequence}", seconds: (minute * 60) + i, author: $"tw:a{sequence % 50}"), SentimentLabel.Neutral, 0)).ToArray();
            Time.SetUtcNow(BaseTime.AddSeconds((minute * 60) + count));
            await topic.ApplyAsync(new MentionBatch("p", batch));
        }

        var open = Assert.Single(await topic.GetActiveAlertsAsync());
        Assert.Equal(AlertKind.VolumeSpike, open.Kind);

        // No batch any more: the wall clock moves on a minute at a time and the grain's timer takes event time along.
        for (var minute = 1; (await topic.GetActiveAlertsAsync()).Length > 0; minute++)
        {
            Assert.True(minute <= 40, "The silence timer did not resolve the alert.");
            Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Contains(Ledger.Changes, c => c.Alert.Id == open.Id && c.Alert.State == AlertState.Resolved);
    }

    public async ValueTask InitializeAsync() => await _cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => FakeTimeClusterFixture.AddFakeTimeServices(siloBuilder, Time, Ledger);
    }
}

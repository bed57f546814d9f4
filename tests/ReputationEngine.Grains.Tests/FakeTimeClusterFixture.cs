using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Grains.TopicLists;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// A test cluster whose grains read a <see cref="FakeTimeProvider"/> (SLA silence timers fire when the test
/// advances it) and record alerts in a <see cref="InMemoryAlertLedger"/>. Both are process-wide statics because
/// the silo's services are built inside the test host.
/// </summary>
public sealed class FakeTimeClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Time { get; } = new(Start);

    public static InMemoryAlertLedger Ledger { get; } = new([]);

    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The services of a fake-time silo; a test that needs a clock of its own builds its cluster with these too.</summary>
    public static void AddFakeTimeServices(ISiloBuilder siloBuilder, TimeProvider time, IAlertLedger ledger)
    {
        siloBuilder.AddMemoryGrainStorage(StorageNames.Default);
        siloBuilder.Services.AddSingleton(time);
        siloBuilder.Services.AddSingleton(ledger);
        siloBuilder.Services.AddSingleton<ITopicListStore, InMemoryTopicListStore>();
        siloBuilder.Services.AddSingleton<ISentimentScorer>(_ => SentimentModel.LoadDefault());
        siloBuilder.Services.AddSingleton<TopicRulesCache>();
        siloBuilder.Services.AddSingleton<PendingSeeds>();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => AddFakeTimeServices(siloBuilder, Time, Ledger);
    }
}

[CollectionDefinition(Name)]
public sealed class FakeTimeClusterCollection : ICollectionFixture<FakeTimeClusterFixture>
{
    public const string Name = "fake-time cluster";
}

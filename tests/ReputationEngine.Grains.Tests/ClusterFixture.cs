using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Tests;

/// <summary>An in-process Orleans test cluster with the real grains, the real sentiment model and memory storage.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Default);
            siloBuilder.Services.AddSingleton(TimeProvider.System);
            siloBuilder.Services.AddSingleton<ISentimentScorer>(_ => SentimentModel.LoadDefault());
            siloBuilder.Services.AddSingleton<TopicRulesCache>();
            siloBuilder.Services.AddSingleton<InMemoryAlertLedger>();
            siloBuilder.Services.AddSingleton<IAlertLedger>(sp => sp.GetRequiredService<InMemoryAlertLedger>());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

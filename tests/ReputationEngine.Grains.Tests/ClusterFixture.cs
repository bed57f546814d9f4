using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Grains.TopicLists;

namespace ReputationEngine.Grains.Tests;

/// <summary>An in-process Orleans test cluster with the real grains, the real sentiment model and memory storage.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    /// <summary>A service of the (only) silo, e.g. the store grains write to.</summary>
    public T Service<T>() where T : notnull => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<T>();

    /// <summary>Collects every idle activation (their deactivation writes run) and checks this grain's went.</summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await management.GetActivationAddress(grain));
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>What every test silo needs besides its grain storage and alert ledger: the clock, the real model, ingest's helpers.</summary>
    public static void AddEngineServices(IServiceCollection services, TimeProvider time)
    {
        services.AddSingleton(time);
        services.AddSingleton<ISentimentScorer>(_ => SentimentModel.LoadDefault());
        services.AddSingleton<TopicRulesCache>();
        services.AddSingleton<PendingSeeds>();
        services.AddSingleton<ITopicListStore, InMemoryTopicListStore>();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Default);
            AddEngineServices(siloBuilder.Services, TimeProvider.System);
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

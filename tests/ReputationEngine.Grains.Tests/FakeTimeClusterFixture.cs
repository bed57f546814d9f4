using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Persistence;

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
        ClusterFixture.AddEngineServices(siloBuilder.Services, time);
        siloBuilder.Services.AddSingleton(ledger);
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

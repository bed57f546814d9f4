using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// What reaches a customer while its seed's insert is still in flight (held by the storage until the test lets it go):
/// an activation on the silo (an API read, an engagement credit) and another partition's mention of the same author.
/// </summary>
public sealed class CustomerSeedInFlightTests(CustomerSeedInFlightTests.Cluster fixture) : IClassFixture<CustomerSeedInFlightTests.Cluster>
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private Task<AppliedBatch> IngestAsync(string partition, params LoggedMention[] items)
    {
        var pipeline = new MentionPipeline(fixture.Grains);
        return Task.Run(async () => await pipeline.ApplyAsync(await pipeline.PrepareAsync(new IngestBatch(partition, items))));
    }

    [Fact]
    public async Task ReadAndCreditDuringTheSeed_WaitForItsRow_AndTheCreditIsKept()
    {
        const string author = "tw:inflight-ann";
        var insert = HeldInsertStorage.Hold(author);
        var seeding = IngestAsync("inflight-a", new LoggedMention(1, Mention("inflight-a1", "acme lost my parcel", author: author)));
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(author);
        Task<CustomerProfile?> read;
        Task credit;
        try
        {
            await insert.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            // The activation these start reads no row yet; it must wait for the seed rather than answer from an empty state.
            read = customer.GetProfileAsync();
            credit = customer.CreditEngagementAsync(new EngagementCredit(Shares: 3, Replies: 1, SharerFollowers: 900, LatestAt: BaseTime.AddMinutes(5)));
            await Task.Delay(Settle, TestContext.Current.CancellationToken);
            Assert.False(read.IsCompleted);
        }
        finally
        {
            insert.Release();
        }

        await seeding;
        await credit;
        var profile = await read;
        Assert.Equal(1, profile!.Mentions);

        // The credit is durable: a new activation reads it from the stored row.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await customer.GetProfileAsync();
        Assert.Equal(1, after!.Mentions);
        Assert.Equal(3, after.SharesReceived);
        Assert.Equal(1, after.RepliesReceived);
    }

    [Fact]
    public async Task AnotherPartitionsMentionDuringTheSeed_IsAppliedAfterIt()
    {
        const string author = "tw:inflight-bo";
        var insert = HeldInsertStorage.Hold(author);
        var seeding = IngestAsync("inflight-b1", new LoggedMention(1, Mention("inflight-b1", "acme app is down", author: author)));
        Task<AppliedBatch> next;
        try
        {
            await insert.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            next = IngestAsync("inflight-b2", new LoggedMention(1, Mention("inflight-b2", "acme app still down", author: author, seconds: 30)));
            await Task.Delay(Settle, TestContext.Current.CancellationToken);
            Assert.False(next.IsCompleted);
        }
        finally
        {
            insert.Release();
        }

        Assert.DoesNotContain(author, (await seeding).Customers);
        Assert.Contains(author, (await next).Customers);
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(author);
        await customer.FlushAsync();
        var profile = await customer.GetProfileAsync();
        Assert.Equal(2, profile!.Mentions);
        Assert.Equal(["inflight-b2", "inflight-b1"], profile.RecentMentions.Select(m => m.Id));
    }

    [Fact]
    public async Task CreditToACustomerWithNoRow_IsDurableWhenItReturns()
    {
        // An activation that read no row may lose its first write to a seed from another silo (which it cannot see); a
        // credit held only in memory would go with it, after the conversation had dropped its pending credit.
        var customer = fixture.Grains.GetGrain<ICustomerGrain>("tw:inflight-cy");
        await customer.CreditEngagementAsync(new EngagementCredit(Shares: 2, Replies: 0, SharerFollowers: 400, LatestAt: BaseTime));

        var stored = fixture.Service<HeldInsertStorage>().Stored<Customers.CustomerState>("customer", customer.GetGrainId());
        Assert.Equal(2, stored?.SharesReceived);
    }

    [Fact]
    public async Task CreditLosingItsWriteToAnotherSilosSeed_FailsAndItsRetryCountsOnce()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>("tw:inflight-dee");
        // An activation that found no row (an API read) ...
        Assert.Null(await customer.GetProfileAsync());
        // ... while another silo's seed inserts the customer.
        var storage = fixture.Service<HeldInsertStorage>();
        var seeded = new Customers.CustomerState { Mentions = 1, Followers = 10, LastSeenAt = BaseTime };
        await storage.WriteStateAsync("customer", customer.GetGrainId(), new GrainState<Customers.CustomerState>(seeded));

        var credit = new EngagementCredit(Shares: 4, Replies: 0, SharerFollowers: 800, LatestAt: BaseTime.AddMinutes(1));
        await Assert.ThrowsAsync<InconsistentStateException>(() => customer.CreditEngagementAsync(credit));
        // The conversation keeps its pending credit and tries again at its next flush: the next activation reads the seed.
        await customer.CreditEngagementAsync(credit);

        var profile = await customer.GetProfileAsync();
        Assert.Equal(1, profile!.Mentions);
        Assert.Equal(4, profile.SharesReceived);
    }

    /// <summary>A one-silo cluster on <see cref="HeldInsertStorage"/>.</summary>
    public sealed class Cluster : IAsyncLifetime
    {
        private readonly TestCluster _cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

        public IGrainFactory Grains => _cluster.GrainFactory;

        public T Service<T>() where T : notnull => ((InProcessSiloHandle)_cluster.Primary!).SiloHost.Services.GetRequiredService<T>();

        public async ValueTask InitializeAsync() => await _cluster.DeployAsync();

        public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

        private sealed class SiloConfigurator : ISiloConfigurator
        {
            public void Configure(ISiloBuilder siloBuilder)
            {
                siloBuilder.Services.AddSingleton<HeldInsertStorage>();
                siloBuilder.Services.AddGrainStorage(StorageNames.Default, (services, _) => services.GetRequiredService<HeldInsertStorage>());
                ClusterFixture.AddEngineServices(siloBuilder.Services, TimeProvider.System);
                siloBuilder.Services.AddSingleton<InMemoryAlertLedger>();
                siloBuilder.Services.AddSingleton<IAlertLedger>(sp => sp.GetRequiredService<InMemoryAlertLedger>());
            }
        }
    }

    /// <summary>
    /// Grain storage in memory (versioned like a durable store: a write must name the version it read, an insert none)
    /// where the first insert of a chosen customer waits until the test releases it.
    /// </summary>
    public sealed class HeldInsertStorage(Serializer serializer) : IGrainStorage
    {
        private static readonly ConcurrentDictionary<string, HeldInsert> s_held = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, GrainId), (byte[] Payload, long Version)> _rows = [];
        private readonly Lock _lock = new();

        public static HeldInsert Hold(string customerId) => s_held[customerId] = new HeldInsert();

        public T? Stored<T>(string stateName, GrainId grainId) where T : class
        {
            lock (_lock)
            {
                return _rows.TryGetValue((stateName, grainId), out var row) ? serializer.Deserialize<T>(row.Payload) : null;
            }
        }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            ArgumentNullException.ThrowIfNull(grainState);
            (byte[] Payload, long Version) row;
            bool found;
            lock (_lock)
            {
                found = _rows.TryGetValue((stateName, grainId), out row);
            }

            grainState.State = found ? serializer.Deserialize<T>(row.Payload) : Activator.CreateInstance<T>();
            grainState.ETag = found ? row.Version.ToString(CultureInfo.InvariantCulture) : null;
            grainState.RecordExists = found;
            return Task.CompletedTask;
        }

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            ArgumentNullException.ThrowIfNull(grainState);
            if (grainState.ETag is null && s_held.TryRemove(grainId.Key.ToString()!, out var held))
            {
                held.Started.TrySetResult();
                await held.Released.Task;
            }

            var payload = serializer.SerializeToArray(grainState.State);
            lock (_lock)
            {
                var exists = _rows.TryGetValue((stateName, grainId), out var row);
                var stored = exists ? row.Version.ToString(CultureInfo.InvariantCulture) : null;
                if (stored != grainState.ETag)
                {
                    throw new InconsistentStateException($"Version conflict writing {stateName} of {grainId}", stored, grainState.ETag);
                }

                var version = (exists ? row.Version : 0) + 1;
                _rows[(stateName, grainId)] = (payload, version);
                grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            }

            grainState.RecordExists = true;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new NotSupportedException();
    }

    public sealed class HeldInsert
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Released.TrySetResult();
    }
}

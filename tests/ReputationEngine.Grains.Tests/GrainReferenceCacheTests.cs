using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Ingest;

namespace ReputationEngine.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferenceCacheTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CachedReference_EqualsOrleansReference_AndReachesTheSameGrain()
    {
        var grains = fixture.Grains;
        // The first call resolves the types, later ones build from the cache: both must match Orleans' own reference.
        var first = grains.GetCachedGrain<IBrandTopicGrain>("cache-topic-a");
        var cached = grains.GetCachedGrain<IBrandTopicGrain>("cache-topic-b");
        Assert.Equal(grains.GetGrain<IBrandTopicGrain>("cache-topic-a"), first);
        Assert.Equal(grains.GetGrain<IBrandTopicGrain>("cache-topic-b"), cached);
        Assert.NotEqual(first, cached);

        await grains.GetGrain<IBrandTopicGrain>("cache-topic-b").DefineAsync(new TopicDefinition { Id = "cache-topic-b", Name = "Cached" });
        Assert.Equal("Cached", (await cached.GetDefinitionAsync())?.Name);

        // A second interface gets its own grain type, not the first one's.
        var customer = grains.GetCachedGrain<ICustomerGrain>("cache-topic-b");
        Assert.Equal(grains.GetGrain<ICustomerGrain>("cache-topic-b"), customer);
        Assert.NotEqual(((GrainReference)(object)cached).GrainId, ((GrainReference)(object)customer).GrainId);
    }

    [Fact]
    public async Task CachedIntegerKeyReference_EqualsOrleansReference_AndReachesTheSameGrain()
    {
        var grains = fixture.Grains;
        var first = grains.GetCachedGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key);
        var cached = grains.GetCachedGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key + 1);
        Assert.Equal(grains.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key), first);
        Assert.Equal(grains.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key + 1), cached);
        Assert.NotEqual(first, cached);

        await grains.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key + 1).EnsureAsync(["cache-directory-topic"]);
        Assert.Contains(await cached.GetAllAsync(), t => t.Id == "cache-directory-topic");
    }
}

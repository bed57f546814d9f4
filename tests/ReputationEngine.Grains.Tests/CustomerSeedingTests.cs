using System.Text.Json;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Ingest;
using static ReputationEngine.Grains.Tests.TestMentions;

namespace ReputationEngine.Grains.Tests;

/// <summary>
/// An author seen for the first time is written without activating their customer grain (CustomerSeeder); everything
/// that reads or extends the customer afterwards must see what the grain itself would have built. On the fake clock, so
/// influence and segmentation (which depend on the time of the call) compare exactly.
/// </summary>
[Collection(FakeTimeClusterCollection.Name)]
public sealed class CustomerSeedingTests(FakeTimeClusterFixture fixture)
{
    private IManagementGrain Management => fixture.Grains.GetGrain<IManagementGrain>(0);

    private async Task<(RoutedBatch Routed, AppliedBatch Applied)> IngestAsync(string partition, params LoggedMention[] items)
    {
        var pipeline = new MentionPipeline(fixture.Grains);
        var routed = await pipeline.PrepareAsync(new IngestBatch(partition, items));
        return (routed, await pipeline.ApplyAsync(routed));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task FirstTimeAuthor_IsWrittenWithoutActivatingTheirCustomer_AndReadsBackAsTheGrainWouldBuildIt()
    {
        const string author = "tw:cseed-ann";
        // Enough conversations for the fold's conversation index to be used, and a sentiment that moves. All new posts: a
        // conversation applied through its grain would read the author's influence from the customer grain (activating it).
        var items = Enumerable.Range(1, 40).Select(i => new LoggedMention(i, Mention(
            $"cseed-a{i}", i % 3 == 0 ? "@AcmeCare this is awful, refund me" : "acme is great today", author: author, seconds: i * 60,
            followers: 5_000 + i, topics: ["cseed-acme"]))).ToArray();

        var (routed, applied) = await IngestAsync("cseed-a", items);

        var customer = fixture.Grains.GetGrain<ICustomerGrain>(author);
        Assert.DoesNotContain(author, applied.Customers);
        Assert.Null(await Management.GetActivationAddress(customer));

        // The same mentions applied through a grain (under another id) give the same summary and profile.
        var twin = fixture.Grains.GetGrain<ICustomerGrain>(author + "-twin");
        var viaGrain = await twin.ApplyAsync(new MentionBatch("cseed-a", routed.ByCustomer[author], 0));
        Assert.NotNull(viaGrain);
        Assert.NotEmpty(viaGrain.SegmentReasons);
        var listed = Assert.Single(await fixture.Grains.GetGrain<ITopicCustomersGrain>("cseed-acme").ListAsync(CustomerSort.Influence, 10),
            c => c.CustomerId == author);
        Assert.Equal(Json(viaGrain with { CustomerId = author }), Json(listed));

        var seeded = await customer.GetProfileAsync();
        var twinProfile = await twin.GetProfileAsync();
        Assert.NotNull(seeded);
        Assert.Equal(Json(twinProfile! with { CustomerId = author }), Json(seeded));
        Assert.Equal(40, seeded.Mentions);
        Assert.Equal(await twin.GetConversationIdsAsync(), await customer.GetConversationIdsAsync());
    }

    [Fact]
    public async Task ReturningAuthorThisSiloSeeded_GoesThroughTheGrain_AndLosesNothing()
    {
        const string author = "tw:cseed-bo";
        var (_, first) = await IngestAsync("cseed-b", new LoggedMention(1, Mention("cseed-b1", "acme order late", author: author, topics: ["cseed-acme"])));
        Assert.DoesNotContain(author, first.Customers);

        // Known to be stored: straight to the grain, which the checkpoint must flush.
        var (_, second) = await IngestAsync("cseed-b", new LoggedMention(2, Mention("cseed-b2", "still waiting, acme", author: author, seconds: 60, topics: ["cseed-acme"])));
        Assert.Contains(author, second.Customers);

        var profile = await fixture.Grains.GetGrain<ICustomerGrain>(author).GetProfileAsync();
        Assert.Equal(2, profile!.Mentions);
        Assert.Equal(["cseed-b2", "cseed-b1"], profile.RecentMentions.Select(m => m.Id));
        var listed = Assert.Single(await fixture.Grains.GetGrain<ITopicCustomersGrain>("cseed-acme").ListAsync(CustomerSort.Influence, 100),
            c => c.CustomerId == author);
        Assert.Equal(2, listed.Mentions);
    }

    [Fact]
    public async Task ReturningAuthorStoredElsewhere_FailsTheInsert_AndGoesThroughTheGrain()
    {
        const string author = "tw:cseed-bea";
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(author);
        // Written by its grain (another silo, or before this silo started): this silo's seeder does not know the row.
        await customer.ApplyAsync(new MentionBatch("cseed-b-other", [Scored(1, Mention("cseed-bb0", "acme", author: author), SentimentLabel.Neutral, 0)], 0, Flush: true));
        await Management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await Management.GetActivationAddress(customer));

        var (_, applied) = await IngestAsync("cseed-bb", new LoggedMention(1, Mention("cseed-bb1", "acme again", author: author, seconds: 60)));

        Assert.Contains(author, applied.Customers);
        var profile = await customer.GetProfileAsync();
        Assert.Equal(2, profile!.Mentions);
        Assert.Equal(["cseed-bb1", "cseed-bb0"], profile.RecentMentions.Select(m => m.Id));
    }

    [Fact]
    public async Task AuthorWithAnUnwrittenActivation_IsNotSeededPastIt()
    {
        const string author = "tw:cseed-cy";
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(author);
        // Applied but not written (as between a batch and its checkpoint): no row, only the activation holds the mention.
        await customer.ApplyAsync(new MentionBatch("cseed-c-other", [Scored(1, Mention("cseed-c0", author: author), SentimentLabel.Neutral, 0)], 0));

        // Another partition (expecting nothing of this customer) must not insert a row the activation then cannot write over.
        var (_, applied) = await IngestAsync("cseed-c", new LoggedMention(1, Mention("cseed-c1", "acme", author: author, seconds: 30)));

        Assert.Contains(author, applied.Customers);
        Assert.Equal(2, (await customer.GetProfileAsync())!.Mentions);
        await customer.FlushAsync();
        Assert.Equal(2, (await customer.GetProfileAsync())!.Mentions);
    }

    [Fact]
    public async Task SameNewAuthorInTwoPartitionsAtOnce_IsSeededOnceAndGetsBoth()
    {
        const string author = "tw:cseed-dee";
        var one = IngestAsync("cseed-d1", new LoggedMention(1, Mention("cseed-d1", "acme one", author: author)));
        var two = IngestAsync("cseed-d2", new LoggedMention(1, Mention("cseed-d2", "acme two", author: author, seconds: 10)));
        var applied = await Task.WhenAll(one, two);

        // At most one seed; the other partition's mention went through the grain, after the seed.
        Assert.Single(applied, a => a.Applied.Customers.Contains(author));
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(author);
        await customer.FlushAsync();
        var profile = await customer.GetProfileAsync();
        Assert.Equal(2, profile!.Mentions);
        Assert.Equal(["cseed-d1", "cseed-d2"], profile.RecentMentions.Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SeededCustomer_CanBeErased()
    {
        const string author = "tw:cseed-eve";
        await IngestAsync("cseed-e", new LoggedMention(1, Mention("cseed-e1", "acme broke my phone", author: author, topics: ["cseed-acme"])));
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(author);
        Assert.Null(await Management.GetActivationAddress(customer));

        // What the erasure reaches into (their conversations' texts) comes from the seeded row.
        Assert.Equal(["cseed-e1"], await customer.GetConversationIdsAsync());
        await customer.EraseAsync();
        await Management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await Management.GetActivationAddress(customer));

        var profile = await customer.GetProfileAsync();
        Assert.True(profile!.Erased);
        Assert.Null(profile.Name);
        Assert.Empty(profile.RecentMentions);
        Assert.Equal(1, profile.Mentions);
    }
}

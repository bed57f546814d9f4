using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using ReputationEngine.Cli.Replay;
using ReputationEngine.Grains.Customers;

namespace ReputationEngine.Cli.Tests.Replay;

/// <summary>The replay's in-process grain storage keeps a durable store's contract: copies, versions, conflicts.</summary>
public sealed class ReplayGrainStorageTests
{
    private static readonly GrainId Jane = GrainId.Create("customer", "tw:jane");

    private readonly ReplayGrainStorage _storage = new(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private async Task<GrainState<CustomerState>> ReadAsync()
    {
        var state = new GrainState<CustomerState>();
        await _storage.ReadStateAsync("customer", Jane, state);
        return state;
    }

    [Fact]
    public async Task Read_NothingStored_DefaultStateWithoutVersion()
    {
        var state = await ReadAsync();
        Assert.NotNull(state.State);
        Assert.Equal(0, state.State!.Mentions);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task WriteThenRead_ACopyNotTheSameObject_VersionsCountFromOne()
    {
        var written = await ReadAsync();
        written.State!.Mentions = 3;
        written.State!.Name = "Jane";
        await _storage.WriteStateAsync("customer", Jane, written);
        Assert.Equal(("1", true), (written.ETag, written.RecordExists));

        written.State!.Mentions = 99; // changed after the write, not written
        var read = await ReadAsync();
        Assert.NotSame(written.State, read.State);
        Assert.Equal((3L, "Jane", "1", true), (read.State!.Mentions, read.State!.Name, read.ETag, read.RecordExists));

        await _storage.WriteStateAsync("customer", Jane, written);
        Assert.Equal("2", written.ETag);
        Assert.Equal(99, (await ReadAsync()).State!.Mentions);
        Assert.Equal(1, _storage.Count);
    }

    [Fact]
    public async Task Write_WithAStaleVersion_FailsAndKeepsTheNewerState()
    {
        var first = await ReadAsync();
        var second = await ReadAsync();
        first.State!.Mentions = 1;
        await _storage.WriteStateAsync("customer", Jane, first);

        second.State!.Mentions = 2;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("customer", Jane, second));
        Assert.Equal(1, (await ReadAsync()).State!.Mentions);

        var named = new GrainState<CustomerState>(new CustomerState(), "7");
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("customer", GrainId.Create("customer", "tw:joe"), named));
    }

    [Fact]
    public async Task Clear_ReadsAsNothing_AndAnEarlierReaderCannotWriteOverIt()
    {
        var reader = await ReadAsync();
        var owner = await ReadAsync();
        await _storage.WriteStateAsync("customer", Jane, owner);
        reader.ETag = owner.ETag;

        await _storage.ClearStateAsync("customer", Jane, owner);
        Assert.False(owner.RecordExists);
        var afterClear = await ReadAsync();
        Assert.Equal((null, false), (afterClear.ETag, afterClear.RecordExists));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("customer", Jane, reader));
        await _storage.WriteStateAsync("customer", Jane, afterClear);
        Assert.True((await ReadAsync()).RecordExists);
    }
}

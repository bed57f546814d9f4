using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;

namespace ReputationEngine.Cli.Replay;

/// <summary>
/// The conversations' summaries at the end of a replay, read from the stored state rather than from their grains. When
/// the driver is done every conversation is durable (seeds awaited, every grain flushed in its own turn, no timers), so
/// the stored state is what the grain holds; summarizing it here, as the grain would, spares activating the tens of
/// thousands of conversations that were only ever seeded (that took longer than writing the rest of the output).
/// </summary>
public static class ReplaySummaries
{
    /// <returns>One summary per id, in the same order; null where no conversation exists (as the grain answers).</returns>
    public static ConversationSummary?[] Read(ReplayGrainStorage storage, IGrainFactory grains, IReadOnlyList<string> conversationIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(conversationIds);
        var summaries = new ConversationSummary?[conversationIds.Count];
        Parallel.For(0, conversationIds.Count, i =>
        {
            var id = conversationIds[i];
            var state = storage.Stored<ConversationGrainState>(ConversationSeeder.StateName, grains.GetCachedGrain<IConversationGrain>(id).GetGrainId());
            summaries[i] = state is not null && ConversationFold.Exists(state) ? ConversationFold.Summarize(state, ConversationFold.Forecaster(state), id, now) : null;
        });
        return summaries;
    }
}

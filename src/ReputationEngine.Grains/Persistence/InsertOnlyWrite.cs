using Orleans.Storage;

namespace ReputationEngine.Grains.Persistence;

/// <summary>
/// A grain's first state written straight to its storage, without activating the grain (the seeders of new posts'
/// conversations and of first-time authors). No ETag means "insert": where a row exists already the write fails and
/// the caller applies its mentions through the grain instead.
/// </summary>
public static class InsertOnlyWrite
{
    /// <returns>False when the grain's row existed already (nothing was written).</returns>
    public static async Task<bool> TryInsertAsync<TState>(this IGrainStorage storage, string stateName, GrainId grainId, TState state)
    {
        try
        {
            await storage.WriteStateAsync(stateName, grainId, new GrainState<TState>(state) { ETag = null });
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }
}
